// Driver inventories and executeAction through the official Graph client. These profiles have
// no devices, so each test seeds rows into a settled profile as a finished sync would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type {
  BulkDriverActionResult,
  WindowsDriverUpdateInventory,
  WindowsDriverUpdateProfile,
} from '@microsoft/microsoft-graph-types-beta';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { seedInventory, waitForSyncToSettle } from './support/graph-fixtures.js';
import { graphClient as loopbackClient, graphErrorOf } from '../support/graph-client.js';

const profiles = '/deviceManagement/windowsDriverUpdateProfiles';
const unsetDate = '0001-01-01T00:00:00Z';

let service: TestService;
let client: Client;

before(async () => {
  service = await startTestService();
  client = loopbackClient(service.url, await service.token(tenantA));
});

after(() => service.dispose());

/** A settled profile holding drivers d0..d{count-1}, all awaiting review. */
async function profileWithDrivers(count: number): Promise<string> {
  const profile = (await client
    .api(profiles)
    .post({ displayName: 'Inventory', approvalType: 'manual' })) as WindowsDriverUpdateProfile;
  const id = profile.id!;
  await waitForSyncToSettle(service, tenantA, id);
  await seedInventory(
    service,
    tenantA,
    id,
    Array.from({ length: count }, (_, i) => ({
      id: `d${i}`,
      name: `Driver ${String.fromCharCode(65 + i)}`,
      category: i === 0 ? 'recommended' : 'other',
      applicableDeviceCount: i + 1,
    })),
  );

  return id;
}

function act(profileId: string, body: Record<string, unknown>, segment = 'executeAction') {
  return client.api(`${profiles}/${profileId}/${segment}`).post(body) as Promise<
    BulkDriverActionResult & Record<string, unknown>
  >;
}

async function statusesOf(profileId: string): Promise<Record<string, string>> {
  const page = (await client.api(`${profiles}/${profileId}/driverInventories`).get()) as {
    value: WindowsDriverUpdateInventory[];
  };

  return Object.fromEntries(page.value.map((d) => [d.id, d.approvalStatus]));
}

describe('driver inventories', () => {
  test('the list shows seeded drivers in Graph shape, filtered, ordered and counted', async () => {
    const id = await profileWithDrivers(4);
    const base = `${profiles}/${id}/driverInventories`;

    const page = (await client
      .api(base)
      .filter("category eq 'other' and applicableDeviceCount ge 3")
      .orderby('name desc')
      .count(true)
      .get()) as { value: WindowsDriverUpdateInventory[] } & Record<string, unknown>;
    const one = (await client.api(`${base}('d0')`).get()) as Record<string, unknown>;

    assert.equal(page['@odata.count'], 2);
    assert.deepEqual(
      page.value.map((d) => d.id),
      ['d3', 'd2'],
    );
    assert.deepEqual(one, {
      '@odata.context':
        `${service.url}/beta/$metadata#deviceManagement/windowsDriverUpdateProfiles('${id}')` +
        '/driverInventories/$entity',
      '@odata.type': '#microsoft.graph.windowsDriverUpdateInventory',
      id: 'd0',
      name: 'Driver A',
      version: '1.0.0.0',
      manufacturer: 'Contoso',
      releaseDateTime: '2026-01-15T00:00:00.000Z',
      driverClass: 'Networking',
      applicableDeviceCount: 1,
      approvalStatus: 'needsReview',
      category: 'recommended',
      deployDateTime: unsetDate,
    });
    assert.equal(await client.api(`${base}/$count`).get(), '4');
  });

  test('profiles expand their own driver inventories, with nested $select', async () => {
    const two = await profileWithDrivers(2);
    const three = await profileWithDrivers(3);
    const page = (await client
      .api(profiles)
      .filter(`id in ('${two}', '${three}')`)
      .select('id')
      .expand('driverInventories($select=id,name)')
      .get()) as { value: { id: string; driverInventories: Record<string, unknown>[] }[] };
    const byId = new Map(page.value.map((p) => [p.id, p.driverInventories]));

    assert.deepEqual(
      byId.get(two)?.map((d) => d.id),
      ['d0', 'd1'],
    );
    assert.deepEqual(
      byId.get(three)?.map((d) => d.id),
      ['d0', 'd1', 'd2'],
    );
    assert.deepEqual(Object.keys(byId.get(three)![0]!).sort(), ['@odata.type', 'id', 'name']);
  });

  test('a qualified enum literal filters as its member does', async () => {
    const id = await profileWithDrivers(4);
    const base = `${profiles}/${id}/driverInventories`;
    const qualified = (await client
      .api(base)
      .filter("category eq microsoft.graph.driverCategory'other'")
      .get()) as { value: WindowsDriverUpdateInventory[] };
    const plain = (await client.api(base).filter("category eq 'other'").get()) as {
      value: WindowsDriverUpdateInventory[];
    };

    assert.ok(plain.value.length > 0);
    assert.deepEqual(
      qualified.value.map((d) => d.id),
      plain.value.map((d) => d.id),
    );
  });

  test('a PATCH of approvalStatus and deployDateTime approves one driver', async () => {
    const id = await profileWithDrivers(2);
    const deploy = '2027-02-03T04:05:06Z';

    const patched = (await client.api(`${profiles}/${id}/driverInventories/d1`).patch({
      approvalStatus: 'approved',
      deployDateTime: deploy,
    })) as WindowsDriverUpdateInventory;
    const profile = (await client.api(`${profiles}/${id}`).get()) as WindowsDriverUpdateProfile;

    assert.equal(patched.approvalStatus, 'approved');
    assert.equal(patched.deployDateTime, '2027-02-03T04:05:06.000Z');
    assert.equal(profile.newUpdates, 1);
  });

  test('a DELETE removes a driver until the next sync and keeps the others', async () => {
    const id = await profileWithDrivers(2);

    const response = (await client
      .api(`${profiles}/${id}/driverInventories/d0`)
      .responseType(ResponseType.RAW)
      .delete()) as Response;
    const error = await graphErrorOf(client.api(`${profiles}/${id}/driverInventories/d0`).get());

    assert.equal(response.status, 204);
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
    assert.deepEqual(await statusesOf(id), { d1: 'needsReview' });
  });

  test('a POST to the inventory collection is a BadRequest GraphError', async () => {
    const id = await profileWithDrivers(1);

    const error = await graphErrorOf(
      client.api(`${profiles}/${id}/driverInventories`).post({ name: 'Made up' }),
    );

    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'BadRequest');
    assert.deepEqual(await statusesOf(id), { d0: 'needsReview' });
  });
});

describe('executeAction', () => {
  test('the result sits at the root of the body with its own @odata.context', async () => {
    const id = await profileWithDrivers(1);

    const result = await act(id, { actionName: 'approve', driverIds: ['d0'] });

    assert.deepEqual(result, {
      '@odata.context': `${service.url}/beta/$metadata#microsoft.graph.bulkDriverActionResult`,
      successfulDriverIds: ['d0'],
      failedDriverIds: [],
      notFoundDriverIds: [],
    });
  });

  test('follows the approval transitions and sorts ids into the three lists', async () => {
    const id = await profileWithDrivers(4);

    const approve = await act(id, { actionName: 'approve', driverIds: ['d0', 'd1'] });
    const decline = await act(id, { actionName: 'decline', driverIds: ['d2', 'ghost'] });
    assert.deepEqual(
      [approve.successfulDriverIds, approve.failedDriverIds, approve.notFoundDriverIds],
      [['d0', 'd1'], [], []],
    );
    assert.deepEqual(
      [decline.successfulDriverIds, decline.failedDriverIds, decline.notFoundDriverIds],
      [['d2'], [], ['ghost']],
    );
    assert.deepEqual(await statusesOf(id), {
      d0: 'approved',
      d1: 'approved',
      d2: 'declined',
      d3: 'needsReview',
    });

    const declineApproved = await act(id, { actionName: 'decline', driverIds: ['d0', 'd3'] });
    assert.deepEqual(declineApproved.successfulDriverIds, ['d3']);
    assert.deepEqual(declineApproved.failedDriverIds, ['d0']);

    const suspend = await act(id, { actionName: 'suspend', driverIds: ['d1', 'd2', 'nope'] });
    assert.deepEqual(suspend.successfulDriverIds, ['d1']);
    assert.deepEqual(suspend.failedDriverIds, ['d2']);
    assert.deepEqual(suspend.notFoundDriverIds, ['nope']);

    const reapprove = await act(id, { actionName: 'approve', driverIds: ['d1', 'd2', 'd0'] });
    assert.deepEqual(reapprove.successfulDriverIds, ['d1', 'd2']);
    assert.deepEqual(reapprove.failedDriverIds, ['d0']);
    assert.deepEqual(await statusesOf(id), {
      d0: 'approved',
      d1: 'approved',
      d2: 'approved',
      d3: 'declined',
    });
  });

  test('approve takes deploymentDate, and without one deploys from now', async () => {
    const id = await profileWithDrivers(2);
    const before = new Date().toISOString();

    await act(id, {
      actionName: 'approve',
      driverIds: ['d0'],
      deploymentDate: '2027-05-01T08:00:00+02:00',
    });
    await act(id, { actionName: 'approve', driverIds: ['d1'] });
    const after = new Date().toISOString();
    const page = (await client.api(`${profiles}/${id}/driverInventories`).get()) as {
      value: WindowsDriverUpdateInventory[];
    };
    const deployOf = (driverId: string) =>
      page.value.find((d) => d.id === driverId)?.deployDateTime;

    assert.equal(deployOf('d0'), '2027-05-01T06:00:00.000Z');
    assert.ok(deployOf('d1')! >= before && deployOf('d1')! <= after, String(deployOf('d1')));
  });

  test('takes 100 driver ids in one request and refuses 101 as a BadRequest', async () => {
    const id = await profileWithDrivers(3);
    const ids = ['d0', 'd1', 'd2', ...Array.from({ length: 97 }, (_, i) => `missing-${i}`)];

    const result = await act(
      id,
      { actionName: 'approve', driverIds: ids },
      'microsoft.graph.executeAction',
    );
    const error = await graphErrorOf(
      act(id, { actionName: 'approve', driverIds: [...ids, 'one-more'] }),
    );

    assert.deepEqual(result.successfulDriverIds, ['d0', 'd1', 'd2']);
    assert.equal(result.notFoundDriverIds?.length, 97);
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'BadRequest');
    assert.match(error.message, /driverIds/);
  });

  test('updates newUpdates to the drivers still awaiting review', async () => {
    const id = await profileWithDrivers(3);

    await act(id, { actionName: 'decline', driverIds: ['d2'] });
    const profile = (await client.api(`${profiles}('${id}')`).get()) as WindowsDriverUpdateProfile;

    assert.equal(profile.newUpdates, 2);
  });
});
