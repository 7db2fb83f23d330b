// matchedDevices over the crafted fleet: which assigned devices a listed driver applies to, the
// IDs that matched and the ranks Windows gives them, paged like a Graph collection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, waitForSyncToSettle } from '../graph/support/graph-fixtures.js';
import { graphClient } from '../support/graph-client.js';
import { startTestService, type TestService } from '../support/service.js';
import {
  audioExtension,
  firmware,
  gpuForModelA,
  gpuGeneric,
  nicV1,
  nicV2,
  sensorOptional,
} from './support/crafted-catalog.js';
import { createProfile, enrolFleet, tenantId, tokenAt, upload } from './support/crafted-tenant.js';

const now = new Date('2026-03-02T09:00:00.000Z');

describe('matchedDevices of a listed driver', () => {
  let service: TestService;
  let token: string;
  let profileId: string;
  const ids = new Map<string, string>();

  const path = (driverId: string, query = '') =>
    `/drivergraph/v1/profiles/${profileId}/drivers/${driverId}/matchedDevices${query}`;

  before(async () => {
    service = await startTestService({ syncInterval: '3650d' }, { clock: () => now });
    token = await tokenAt(service, now);
    const client = graphClient(service.url, token);
    for (const pkg of [nicV1, nicV2, gpuForModelA, gpuGeneric, sensorOptional, firmware]) {
      ids.set(pkg.folder, await upload(service, token, pkg));
    }
    ids.set(audioExtension.folder, await upload(service, token, audioExtension));
    const groups = await enrolFleet(service, client, token, '2026-03-01T08:00:00Z');
    profileId = await createProfile(
      client,
      { displayName: 'Matched', approvalType: 'manual' },
      groups,
    );
    await waitForSyncToSettle(service, tenantId, profileId);
  });

  after(async () => {
    await service?.dispose();
  });

  test('pages through every assigned device the driver applies to, with the reason', async () => {
    const first = await call(service, 'GET', path(ids.get('gpu-generic')!, '?$count=true&$top=4'), {
      token,
    });
    assert.equal(first.status, 200, first.text);
    const pages = [first.json!];
    let next = first.json?.['@odata.nextLink'];
    while (typeof next === 'string') {
      const response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as Record<string, unknown>;
      pages.push(body);
      next = body['@odata.nextLink'];
    }
    const devices = pages.flatMap((page) => page.value as Record<string, unknown>[]);

    assert.equal(first.json?.['@odata.count'], 9);
    assert.deepEqual(
      pages.map((page) => (page.value as unknown[]).length),
      [4, 4, 1],
    );
    // The generic GPU driver is model B's choice; on model A the OEM's build outranks it.
    assert.deepEqual(
      devices.map((device) => [device.displayName, device.isRecommended, device.recommendedBy]),
      [
        ['PC-A1', false, []],
        ['PC-A2', false, []],
        ['PC-A3', false, []],
        ['PC-A4', false, []],
        ['PC-A5', false, []],
        ['PC-B1', true, ['Northwind Graphics']],
        ['PC-B2', true, ['Northwind Graphics']],
        ['PC-B3', true, ['Northwind Graphics']],
        ['PC-B4', true, ['Northwind Graphics']],
      ],
    );
    assert.equal(devices[0]?.deviceId, 'd0000000-0000-4000-8000-000000000001');
    assert.deepEqual(devices[0]?.matches, [
      {
        node: 'PCI\\VEN_10DE&DEV_2520&SUBSYS_A0001028&REV_A1',
        matchedId: 'PCI\\VEN_10DE&DEV_2520',
        matchedIdList: 'compatible',
        infId: 'PCI\\VEN_10DE&DEV_2520',
        matchType: 2,
        rank: '0x00FF2001',
        installedDriver: {
          infName: 'oem30.inf',
          version: '31.0.15.3000',
          date: '2023-10-01',
          rank: '0x00FF2001',
        },
        category: 'other',
        reason: 'outranked by Fabrikam - Video - 31.0.15.4000',
      },
    ]);
    assert.equal(
      (devices[5]?.matches as { reason: string }[])[0]?.reason,
      'best automatic driver and better than installed',
    );
  });

  test('an extension shows the hardware ID it matched and that none is installed', async () => {
    const result = await call(service, 'GET', path(ids.get('audio-extension')!, '?$top=1'), {
      token,
    });
    const [device] = result.json?.value as Record<string, unknown>[];

    assert.equal(device?.displayName, 'PC-B1');
    assert.deepEqual(device?.matches, [
      {
        node: 'HDAUDIO\\FUNC_01&VEN_10EC&DEV_0295&SUBSYS_10280A2E&REV_1000',
        matchedId: 'HDAUDIO\\FUNC_01&VEN_10EC&DEV_0295',
        matchedIdList: 'hardware',
        infId: 'HDAUDIO\\FUNC_01&VEN_10EC&DEV_0295',
        matchType: 0,
        rank: '0x00FF0002',
        installedDriver: null,
        category: 'other',
        reason: 'extension chosen for ExtensionId {9C4D7E21-5A3B-4F6C-8D2E-1B0A9F8E7D6C}',
      },
    ]);
  });

  test('$select keeps the named properties and Read.All is enough', async () => {
    const reader = await tokenAt(service, now, ['DeviceManagementConfiguration.Read.All']);
    const result = await call(
      service,
      'GET',
      path(ids.get('nic-1.2.0.0')!, '?$select=displayName'),
      {
        token: reader,
      },
    );

    assert.equal(result.status, 200, result.text);
    assert.deepEqual(
      result.json?.value,
      ['PC-A1', 'PC-A2', 'PC-A3', 'PC-B1', 'PC-B2'].map((displayName) => ({
        '@odata.type': '#drivergraph.matchedDevice',
        displayName,
      })),
    );
  });

  test('refuses drivers off the list, unsupported options and unpermitted callers', async () => {
    const offList = await call(service, 'GET', path('f'.repeat(64)), { token });
    const filtered = await call(service, 'GET', path(ids.get('firmware')!, "?$filter=id eq 'x'"), {
      token,
    });
    const stranger = await tokenAt(service, now, ['WindowsUpdates.ReadWrite.All']);
    const forbidden = await call(service, 'GET', path(ids.get('firmware')!), { token: stranger });

    assert.equal(offList.status, 404);
    assert.equal((offList.json?.error as { code: string }).code, 'ResourceNotFound');
    assert.equal(filtered.status, 400);
    assert.match((filtered.json?.error as { message: string }).message, /\$filter/);
    assert.equal(forbidden.status, 403);
  });
});
