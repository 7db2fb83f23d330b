// What SDK code and scripts send back after reading: the object as it was read, `$select` with
// the navigation it expands, and decisions from several admins at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  BulkDriverActionResult,
  WindowsDriverUpdateProfile,
} from '@microsoft/microsoft-graph-types-beta';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import {
  call,
  profilesPath,
  seedInventory,
  waitForSyncToSettle,
} from './support/graph-fixtures.js';
import { graphClient as loopbackClient } from '../support/graph-client.js';

const profiles = '/deviceManagement/windowsDriverUpdateProfiles';
const groupA = 'aaaaaaaa-0000-4000-8000-000000000001';

let service: TestService;
let client: Client;
let token: string;

before(async () => {
  service = await startTestService();
  token = await service.token(tenantA);
  client = loopbackClient(service.url, token);
});

after(() => service.dispose());

async function createProfile(displayName: string): Promise<string> {
  const created = (await client
    .api(profiles)
    .post({ displayName, approvalType: 'manual' })) as WindowsDriverUpdateProfile;

  return created.id!;
}

describe('bodies copied from a read', () => {
  test('a PATCH may carry the @odata.context and @odata.etag it was read with', async () => {
    const id = await createProfile('Round trip');
    const read = await call(service, 'GET', `${profilesPath}/${id}`, { token });

    const patched = await call(service, 'PATCH', `${profilesPath}/${id}`, {
      token,
      body: {
        '@odata.context': read.json?.['@odata.context'],
        '@odata.etag': 'W/"1"',
        '@odata.type': read.json?.['@odata.type'],
        displayName: 'Round trip, renamed',
      },
    });

    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json?.displayName, 'Round trip, renamed');
  });

  test('read-only properties in a copied body are still refused by name', async () => {
    const id = await createProfile('Read-only');
    const read = await call(service, 'GET', `${profilesPath}/${id}`, { token });

    const patched = await call(service, 'PATCH', `${profilesPath}/${id}`, {
      token,
      body: read.json,
    });

    assert.equal(patched.status, 400);
    assert.match(patched.text, /Invalid property values: 'id' is read-only/);
  });
});

describe('$select with navigation properties', () => {
  test('a profile read with $select naming the expanded assignments returns both', async () => {
    const id = await createProfile('Selected navigation');
    await client.api(`${profiles}/${id}/assignments`).post({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupA },
    });

    const item = (await client
      .api(`${profiles}/${id}`)
      .select(['displayName', 'assignments'])
      .expand('assignments')
      .get()) as Record<string, unknown> & { assignments: { target: { groupId: string } }[] };

    assert.equal(item.displayName, 'Selected navigation');
    assert.equal(item.approvalType, undefined);
    assert.deepEqual(
      item.assignments.map((a) => a.target.groupId),
      [groupA],
    );
  });

  test('a navigation property selected without $expand adds nothing to the list', async () => {
    await createProfile('Not expanded');

    const page = await call(service, 'GET', `${profilesPath}?$select=id,assignments`, { token });

    assert.equal(page.status, 200, page.text);
    const items = page.json?.value as Record<string, unknown>[];
    assert.ok(items.length > 0);
    for (const item of items) assert.equal(item.assignments, undefined);
  });
});

describe('concurrent decisions', () => {
  // Approving (or declining) a driver twice is refused by the rules, so of two identical actions
  // sent at once exactly one may succeed; both succeeding means both acted on the same status.
  test('of the same action sent twice at once on each driver, exactly one wins', async () => {
    const id = await createProfile('Two admins');
    await waitForSyncToSettle(service, tenantA, id);
    const driverIds = Array.from({ length: 20 }, (_, i) => `race${i}`);
    await seedInventory(
      service,
      tenantA,
      id,
      driverIds.map((driverId) => ({ id: driverId, category: 'other' })),
    );
    const act = (driverId: string, i: number) =>
      client
        .api(`${profiles}/${id}/executeAction`)
        .post({ actionName: i % 2 === 0 ? 'approve' : 'decline', driverIds: [driverId] });

    const results = (await Promise.all(
      driverIds.flatMap((driverId, i) => [act(driverId, i), act(driverId, i)]),
    )) as BulkDriverActionResult[];

    for (const [i, driverId] of driverIds.entries()) {
      const pair = [results[2 * i]!, results[2 * i + 1]!];
      const wins = pair.filter((result) => result.successfulDriverIds?.includes(driverId));
      assert.equal(wins.length, 1, `${driverId}: ${JSON.stringify(pair)}`);
    }
    const profile = (await client.api(`${profiles}/${id}`).get()) as WindowsDriverUpdateProfile;
    assert.equal(profile.newUpdates, 0);
  });
});
