import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoTenantId, seedDemo, type DemoSummary } from '../../src/demo/seed-demo.js';
import { loadAssignedConfigurations } from '../../src/fleet/fleet-repo-assigned.js';
import { resolveDevices } from '../../src/fleet/group-resolution.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

describe('the demo seed', () => {
  let store: Store;
  let summary: DemoSummary;
  let elapsedMs: number;

  before(async () => {
    store = await openStore(':memory:', '.');
    const started = performance.now();
    summary = await seedDemo(store, createLogger('silent'), () => new Date('2026-12-01T10:00:00Z'));
    elapsedMs = performance.now() - started;
  });
  after(() => store.close());

  const groupNamed = async (name: string) =>
    store.db
      .selectFrom('groups')
      .selectAll()
      .where('tenant_id', '=', demoTenantId)
      .where('display_name', '=', name)
      .executeTakeFirstOrThrow();

  test('creates 200 reporting devices that share fewer configurations', async () => {
    const devices = await store.db
      .selectFrom('devices')
      .select(['id', 'configuration_key'])
      .where('tenant_id', '=', demoTenantId)
      .execute();
    const keys = new Set(devices.map((device) => device.configuration_key));

    assert.equal(summary.created, true);
    assert.equal(devices.length, 200);
    assert.ok(!keys.has(null));
    assert.ok(keys.size < 200, `${keys.size} configurations`);
  });

  test('splits the devices into the Pilot and Broad groups', async () => {
    const pilot = await resolveDevices(store.db, demoTenantId, [(await groupNamed('Pilot')).id]);
    const broad = await resolveDevices(store.db, demoTenantId, [(await groupNamed('Broad')).id]);

    assert.ok(pilot.length > 0 && pilot.length < broad.length);
    assert.equal(pilot.length + broad.length, 200);
    assert.equal(new Set([...pilot, ...broad]).size, 200);
  });

  test('assigns each profile to one group, whose devices the sync then weighs', async () => {
    const assignments = await store.db
      .selectFrom('profile_assignments')
      .innerJoin('profiles', (join) =>
        join
          .onRef('profiles.id', '=', 'profile_assignments.profile_id')
          .onRef('profiles.tenant_id', '=', 'profile_assignments.tenant_id'),
      )
      .select(['profiles.approval_type', 'profile_assignments.group_id'])
      .where('profiles.tenant_id', '=', demoTenantId)
      .orderBy('profiles.approval_type')
      .execute();
    const pilot = await groupNamed('Pilot');
    const broad = await groupNamed('Broad');

    assert.deepEqual(
      assignments.map((row) => [row.approval_type, row.group_id]),
      [
        ['automatic', broad.id],
        ['manual', pilot.id],
      ],
    );
    const weighed = await loadAssignedConfigurations(store.db, demoTenantId, {
      allDevices: false,
      includedGroupIds: [pilot.id],
      excludedGroupIds: [],
    });
    const pilotSize = (await resolveDevices(store.db, demoTenantId, [pilot.id])).length;
    assert.equal(weighed.reportingDevices, pilotSize);
  });

  test('imports the generated catalog', async () => {
    const packages = await store.db
      .selectFrom('catalog_packages')
      .select('id')
      .where('tenant_id', '=', demoTenantId)
      .execute();

    assert.ok(packages.length >= 60, `${packages.length} packages`);
  });

  test('takes well under three seconds and runs only once', async () => {
    assert.ok(elapsedMs < 3000, `seeding took ${Math.round(elapsedMs)} ms`);
    const again = await seedDemo(store, createLogger('silent'));
    assert.equal(again.created, false);
  });
});
