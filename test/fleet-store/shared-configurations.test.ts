// Configurations are shared by devices and dropped when the last one moves away. On a shared
// database that drop races with a device that is just then being pointed at the same
// configuration; the device must never end up pointing at nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { storeReport } from '../../src/fleet/device-report-store.js';
import type { ReportContext } from '../../src/fleet/device-report-store.js';
import { loadAssignedConfigurations } from '../../src/fleet/fleet-repo-assigned.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { reportFor } from './report-fixtures.js';

const tenantId = '99999999-9999-4999-8999-999999999999';

let store: TestStore;
let context: ReportContext;

beforeEach(async () => {
  store = await openTestStore();
  context = {
    now: new Date('2026-12-02T00:00:00Z'),
    rowLocks: store.capabilities.supportsRowLocks,
  };
});

afterEach(() => store.dispose());

describe('shared configurations', () => {
  test('survive the last device leaving while another is being pointed at them', async () => {
    const leaving = randomUUID();
    const joining = randomUUID();
    await store.transaction((tx) =>
      storeReport(tx, tenantId, reportFor(leaving, '2026-12-01T09:00:00Z', '1.0.0.1'), context),
    );

    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let joined = () => {};
    const joinedSeen = new Promise<void>((resolve) => (joined = resolve));
    // The joining device's report sees the configuration stored and leans on it, then its
    // transaction stays open while the leaving device's report commits.
    const join = store.transaction(async (tx) => {
      const outcome = await storeReport(
        tx,
        tenantId,
        reportFor(joining, '2026-12-01T09:00:00Z', '1.0.0.1'),
        context,
      );
      joined();
      await gate;

      return outcome;
    });
    await joinedSeen;
    const leave = store.transaction((tx) =>
      storeReport(tx, tenantId, reportFor(leaving, '2026-12-01T10:00:00Z', '2.0.0.0'), context),
    );
    await delay(200);
    release();
    const outcomes = await Promise.all([join, leave]);

    const devices = await store.db
      .selectFrom('devices')
      .select('configuration_key')
      .where('tenant_id', '=', tenantId)
      .execute();
    const stored = await store.db
      .selectFrom('device_configurations')
      .select('key')
      .where('tenant_id', '=', tenantId)
      .execute();
    const storedKeys = new Set(stored.map((row) => row.key));
    const assigned = await loadAssignedConfigurations(store.db, tenantId, {
      allDevices: true,
      includedGroupIds: [],
      excludedGroupIds: [],
    });

    assert.deepEqual(
      outcomes.map((outcome) => outcome.kind),
      ['stored', 'stored'],
    );
    for (const device of devices) assert.ok(storedKeys.has(device.configuration_key ?? ''));
    assert.equal(assigned.reportingDevices, 2);
    assert.equal(assigned.configurations.length, 2);
  });

  test('are dropped once no device points at them', async () => {
    const device = randomUUID();
    await store.transaction((tx) =>
      storeReport(tx, tenantId, reportFor(device, '2026-12-01T09:00:00Z', '1.0.0.1'), context),
    );
    await store.transaction((tx) =>
      storeReport(tx, tenantId, reportFor(device, '2026-12-01T10:00:00Z', '2.0.0.0'), context),
    );

    const stored = await store.db
      .selectFrom('device_configurations')
      .select('key')
      .where('tenant_id', '=', tenantId)
      .execute();

    assert.equal(stored.length, 1);
  });
});
