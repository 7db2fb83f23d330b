// syncInventory end to end through the official Graph client: a crafted catalog and fleet whose
// driver lists are written out by hand from Windows' ranking rules and Intune's behaviour, for a
// manual and an automatic profile, across re-syncs, approvals, a newer driver, age-out and
// re-appearance.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { waitForSyncToSettle } from '../graph/support/graph-fixtures.js';
import { graphClient } from '../support/graph-client.js';
import { startTestService, type TestService } from '../support/service.js';
import {
  audioExtension,
  type CraftedPackage,
  firmware,
  gpuForModelA,
  gpuGeneric,
  listedName,
  nicV1,
  nicV2,
  nicV3,
  releaseOf,
  sensorOptional,
} from './support/crafted-catalog.js';
import { deviceNamed, nicV2Installed, oldNic, reportOf } from './support/crafted-fleet.js';
import {
  createProfile,
  driverList,
  enrolFleet,
  iso,
  type ListedDriver,
  profilesPath,
  sendReport,
  tenantId,
  tokenAt,
  upload,
} from './support/crafted-tenant.js';

const start = new Date('2026-03-02T09:00:00.000Z');
const hour = 3_600_000;
const day = 24 * hour;
const unset = iso('0001-01-01T00:00:00Z');

const classes = new Map<CraftedPackage, string>([
  [nicV1, 'Networking'],
  [nicV2, 'Networking'],
  [nicV3, 'Networking'],
  [gpuForModelA, 'Video'],
  [gpuGeneric, 'Video'],
  [sensorOptional, 'OtherHardware'],
  [firmware, 'Firmware'],
  [audioExtension, 'Other'],
]);

type Status = 'needsReview' | 'approved' | 'declined' | 'suspended';

function listed(
  pkg: CraftedPackage,
  category: string,
  applicableDeviceCount: number,
  approvalStatus: Status,
  deployDateTime: string = unset,
): ListedDriver {
  const driverClass = classes.get(pkg)!;

  return {
    name: listedName(pkg, driverClass),
    version: pkg.version,
    manufacturer: pkg.provider,
    releaseDateTime: releaseOf(pkg),
    driverClass,
    category,
    applicableDeviceCount,
    approvalStatus,
    deployDateTime: iso(deployDateTime),
  };
}

function byName(rows: ListedDriver[]): ListedDriver[] {
  return [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

describe('syncInventory over a crafted fleet and catalog', () => {
  let now = new Date(start);
  let service: TestService;
  let client: Client;
  let token: string;
  let manual: string;
  let automatic: string;
  const ids = new Map<CraftedPackage, string>();

  const advance = async (ms: number) => {
    now = new Date(now.getTime() + ms);
    token = await tokenAt(service, now);
  };
  const at = (offsetMs: number) => new Date(start.getTime() + offsetMs).toISOString();

  async function sync(profileId: string): Promise<void> {
    await client.api(`${profilesPath}/${profileId}/syncInventory`).post(null);
    assert.equal(await waitForSyncToSettle(service, tenantId, profileId), 'success');
  }

  async function counters(profileId: string) {
    const profile = (await client.api(`${profilesPath}/${profileId}`).get()) as {
      newUpdates: number;
      deviceReporting: number;
      inventorySyncStatus: { driverInventorySyncState: string; lastSuccessfulSyncDateTime: string };
    };

    return {
      newUpdates: profile.newUpdates,
      deviceReporting: profile.deviceReporting,
      state: profile.inventorySyncStatus.driverInventorySyncState,
      lastSync: iso(profile.inventorySyncStatus.lastSuccessfulSyncDateTime),
    };
  }

  async function act(profileId: string, body: Record<string, unknown>) {
    const result = (await client.api(`${profilesPath}/${profileId}/executeAction`).post(body)) as {
      successfulDriverIds: string[];
      failedDriverIds: string[];
      notFoundDriverIds: string[];
    };
    const { successfulDriverIds, failedDriverIds, notFoundDriverIds } = result;

    return { successfulDriverIds, failedDriverIds, notFoundDriverIds };
  }

  before(async () => {
    service = await startTestService({ syncInterval: '3650d' }, { clock: () => new Date(now) });
    token = await tokenAt(service, now);
    client = graphClient(service.url, () => token);
    for (const pkg of [nicV1, nicV2, gpuForModelA, gpuGeneric, sensorOptional, firmware]) {
      ids.set(pkg, await upload(service, token, pkg));
    }
    ids.set(audioExtension, await upload(service, token, audioExtension));
    const groups = await enrolFleet(service, client, token, '2026-03-01T08:00:00Z');
    manual = await createProfile(
      client,
      { displayName: 'Crafted manual', approvalType: 'manual' },
      groups,
    );
    automatic = await createProfile(
      client,
      { displayName: 'Crafted automatic', approvalType: 'automatic', deploymentDeferralInDays: 3 },
      groups,
    );
    await waitForSyncToSettle(service, tenantId, manual);
    await waitForSyncToSettle(service, tenantId, automatic);
  });

  after(async () => {
    await service?.dispose();
  });

  // 13 assigned devices report: A1-A5, B1-B4, C1-C4 (A6 and B5 are held back, D1 is in no
  // group). NIC 1.2 beats the 2023 driver of A1-A3, B1, B2 but not the 2024 one of the rest;
  // NIC 2.0 beats both except C4's 2025 driver. Model A's OEM GPU build matches a hardware ID
  // (0x00FF0001) and outranks the generic one (0x00FF2001), which is model B's choice. The
  // optional sensor driver reaches model A's driverless sensor, not model C's vendor-driven one.
  const firstList = (status: (pkg: CraftedPackage) => [Status, string?]) =>
    byName([
      listed(nicV1, 'other', 5, ...status(nicV1)),
      listed(nicV2, 'recommended', 12, ...status(nicV2)),
      listed(gpuForModelA, 'recommended', 5, ...status(gpuForModelA)),
      listed(gpuGeneric, 'recommended', 9, ...status(gpuGeneric)),
      listed(sensorOptional, 'other', 5, ...status(sensorOptional)),
      listed(firmware, 'other', 5, ...status(firmware)),
      listed(audioExtension, 'other', 4, ...status(audioExtension)),
    ]);
  const recommendedFirst = new Set([nicV2, gpuForModelA, gpuGeneric]);
  const firstAutomatic = (pkg: CraftedPackage): [Status, string?] =>
    recommendedFirst.has(pkg) ? ['approved', at(3 * day)] : ['needsReview'];

  test('the first sync lists what assigned devices need, awaiting review or approved', async () => {
    assert.deepEqual(
      await driverList(client, manual),
      firstList(() => ['needsReview']),
    );
    assert.deepEqual(await driverList(client, automatic), firstList(firstAutomatic));
    assert.deepEqual(await counters(manual), {
      newUpdates: 7,
      deviceReporting: 13,
      state: 'success',
      lastSync: at(0),
    });
    assert.deepEqual(await counters(automatic), {
      newUpdates: 4,
      deviceReporting: 13,
      state: 'success',
      lastSync: at(0),
    });
  });

  test('a re-sync with nothing changed keeps the lists and the deferred deploy dates', async () => {
    await advance(2 * hour);
    await sync(manual);
    await sync(automatic);

    assert.deepEqual(
      await driverList(client, manual),
      firstList(() => ['needsReview']),
    );
    assert.deepEqual(await driverList(client, automatic), firstList(firstAutomatic));
    assert.equal((await counters(manual)).lastSync, at(2 * hour));
    assert.equal((await counters(automatic)).newUpdates, 4);
  });

  test('approvals, declines and pauses show on the list and in newUpdates', async () => {
    await advance(day - 2 * hour);
    const id = (pkg: CraftedPackage) => ids.get(pkg)!;
    const approveLater = { deploymentDate: '2026-03-10T00:00:00Z' };

    assert.deepEqual(
      await act(manual, { actionName: 'approve', driverIds: [id(nicV2)], ...approveLater }),
      { successfulDriverIds: [id(nicV2)], failedDriverIds: [], notFoundDriverIds: [] },
    );
    await act(manual, { actionName: 'approve', driverIds: [id(gpuGeneric)] });
    await act(manual, { actionName: 'decline', driverIds: [id(nicV1), id(firmware)] });
    assert.deepEqual(
      await act(manual, { actionName: 'decline', driverIds: [id(nicV2), 'no-such-driver'] }),
      {
        successfulDriverIds: [],
        failedDriverIds: [id(nicV2)],
        notFoundDriverIds: ['no-such-driver'],
      },
    );
    await act(automatic, { actionName: 'suspend', driverIds: [id(gpuForModelA)] });
    await act(automatic, {
      actionName: 'approve',
      driverIds: [id(nicV1)],
      deploymentDate: '2026-03-20T00:00:00Z',
    });
    await sync(manual);
    await sync(automatic);

    const manualStatus = new Map<CraftedPackage, [Status, string?]>([
      [nicV1, ['declined']],
      [nicV2, ['approved', '2026-03-10T00:00:00Z']],
      [gpuGeneric, ['approved', at(day)]],
      [firmware, ['declined']],
    ]);
    const automaticStatus = new Map<CraftedPackage, [Status, string?]>([
      [nicV1, ['approved', '2026-03-20T00:00:00Z']],
      [gpuForModelA, ['suspended']],
    ]);
    assert.deepEqual(
      await driverList(client, manual),
      firstList((pkg) => manualStatus.get(pkg) ?? ['needsReview']),
    );
    assert.deepEqual(
      await driverList(client, automatic),
      firstList((pkg) => automaticStatus.get(pkg) ?? firstAutomatic(pkg)),
    );
    assert.equal((await counters(manual)).newUpdates, 3);
    assert.equal((await counters(automatic)).newUpdates, 3);
  });

  // After approvals: manual has NIC 2.0 approved for 2026-03-10, the generic GPU approved at
  // day 1, NIC 1.2 and the firmware declined; automatic has the OEM GPU paused and NIC 1.2
  // approved for 2026-03-20.
  const manualAfterApprovals = () => [
    listed(gpuForModelA, 'recommended', 5, 'needsReview'),
    listed(gpuGeneric, 'recommended', 9, 'approved', at(day)),
    listed(sensorOptional, 'other', 5, 'needsReview'),
    listed(firmware, 'other', 5, 'declined'),
    listed(audioExtension, 'other', 4, 'needsReview'),
  ];
  const automaticAfterApprovals = () => [
    listed(gpuForModelA, 'recommended', 5, 'suspended'),
    listed(gpuGeneric, 'recommended', 9, 'approved', at(3 * day)),
    listed(sensorOptional, 'other', 5, 'needsReview'),
    listed(firmware, 'other', 5, 'needsReview'),
    listed(audioExtension, 'other', 4, 'needsReview'),
  ];

  test('a newer NIC driver is recommended and the approved one previouslyApproved', async () => {
    await advance(day);
    ids.set(nicV3, await upload(service, token, nicV3));
    await sync(manual);
    await sync(automatic);

    assert.deepEqual(
      await driverList(client, manual),
      byName([
        listed(nicV1, 'other', 5, 'declined'),
        listed(nicV2, 'previouslyApproved', 12, 'approved', '2026-03-10T00:00:00Z'),
        listed(nicV3, 'recommended', 12, 'needsReview'),
        ...manualAfterApprovals(),
      ]),
    );
    assert.deepEqual(
      await driverList(client, automatic),
      byName([
        listed(nicV1, 'other', 5, 'approved', '2026-03-20T00:00:00Z'),
        listed(nicV2, 'previouslyApproved', 12, 'approved', at(3 * day)),
        listed(nicV3, 'recommended', 12, 'approved', at(2 * day + 3 * day)),
        ...automaticAfterApprovals(),
      ]),
    );
    assert.equal((await counters(manual)).newUpdates, 4);
    assert.equal((await counters(automatic)).newUpdates, 3);
  });

  test('a driver no device needs any more ages out of both lists', async () => {
    await advance(day);
    for (const name of ['PC-A1', 'PC-A2', 'PC-A3', 'PC-B1', 'PC-B2']) {
      const report = reportOf(deviceNamed(name), '2026-03-05T08:00:00Z', nicV2Installed);
      await sendReport(service, token, report);
    }
    await sync(manual);
    await sync(automatic);

    // NIC 2.0 now only beats the 2024 driver of A4, A5, B3, B4, C1-C3.
    assert.deepEqual(
      await driverList(client, manual),
      byName([
        listed(nicV2, 'previouslyApproved', 7, 'approved', '2026-03-10T00:00:00Z'),
        listed(nicV3, 'recommended', 12, 'needsReview'),
        ...manualAfterApprovals(),
      ]),
    );
    assert.deepEqual(
      await driverList(client, automatic),
      byName([
        listed(nicV2, 'previouslyApproved', 7, 'approved', at(3 * day)),
        listed(nicV3, 'recommended', 12, 'approved', at(5 * day)),
        ...automaticAfterApprovals(),
      ]),
    );
    assert.deepEqual(await counters(manual), {
      newUpdates: 4,
      deviceReporting: 13,
      state: 'success',
      lastSync: at(3 * day),
    });
  });

  test('a driver that comes back carries the decision taken before it aged out', async () => {
    await advance(day);
    await sendReport(
      service,
      token,
      reportOf(deviceNamed('PC-A1'), '2026-03-06T08:00:00Z', oldNic),
    );
    await sync(manual);
    await sync(automatic);

    assert.deepEqual(
      await driverList(client, manual),
      byName([
        listed(nicV1, 'other', 1, 'declined'),
        listed(nicV2, 'previouslyApproved', 8, 'approved', '2026-03-10T00:00:00Z'),
        listed(nicV3, 'recommended', 12, 'needsReview'),
        ...manualAfterApprovals(),
      ]),
    );
    assert.deepEqual(
      await driverList(client, automatic),
      byName([
        listed(nicV1, 'other', 1, 'approved', '2026-03-20T00:00:00Z'),
        listed(nicV2, 'previouslyApproved', 8, 'approved', at(3 * day)),
        listed(nicV3, 'recommended', 12, 'approved', at(5 * day)),
        ...automaticAfterApprovals(),
      ]),
    );
    assert.equal((await counters(manual)).newUpdates, 4);
    assert.equal((await counters(automatic)).deviceReporting, 13);
  });
});
