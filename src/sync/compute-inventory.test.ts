import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import type { DeviceNode } from '../fleet/report-types.js';
import { computeInventory, countReportingDevices } from './compute-inventory.js';

function pkg(id: string, version: string, date: string): CatalogPackage {
  return {
    id: id.repeat(64),
    name: `Contoso - Networking - ${version}`,
    infName: 'contoso.inf',
    provider: 'Contoso',
    manufacturer: 'Contoso',
    infClass: 'Net',
    classGuid: null,
    driverClass: 'Networking',
    version,
    date,
    signed: true,
    extensionId: null,
    publishing: 'automatic',
    chids: [],
  };
}

function row(packageId: string, matchId: string): CatalogMatchRow {
  return {
    packageId,
    matchId,
    kind: 'hardware',
    position: 0,
    manufacturerIndex: 0,
    architecture: 'amd64',
    osMajor: null,
    osMinor: null,
    productType: null,
    build: null,
    featureScore: 0xff,
    installSection: 'Install',
    date: null,
    version: null,
  };
}

const nic: DeviceNode = {
  instanceId: 'PCI\\VEN_8086&DEV_15F3\\3&1',
  hardwareIds: ['PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03', 'PCI\\VEN_8086&DEV_15F3'],
  compatibleIds: ['PCI\\CC_020000'],
  installedDriver: {
    infName: 'oem1.inf',
    provider: 'Contoso',
    class: 'Net',
    version: '1.0.0.0',
    date: '2023-01-01',
    matchingId: 'PCI\\VEN_8086&DEV_15F3',
    rank: '0x00FF0001',
  },
  extensionDrivers: [],
};

const configuration = {
  os: { version: '10.0.22631.1', architecture: 'amd64' as const },
  computerHardwareIds: [],
  devices: [nic],
};

const older = pkg('a', '2.0.0.0', '2024-01-01');
const newer = pkg('b', '3.0.0.0', '2025-01-01');
const catalog = {
  packages: [older, newer],
  matchRows: [row(older.id, 'PCI\\VEN_8086&DEV_15F3'), row(newer.id, 'PCI\\VEN_8086&DEV_15F3')],
};

test('a profile without reporting devices has no applicable drivers', () => {
  assert.deepEqual(computeInventory({ configurations: [], catalog }), []);
});

test('an empty catalog offers no drivers to any device', () => {
  const inputs = {
    configurations: [{ deviceCount: 1, configuration, nodeKeys: ['nic'] }],
    catalog: { packages: [], matchRows: [] },
  };

  assert.deepEqual(computeInventory(inputs), []);
});

test('both newer versions apply, the newest is recommended, counts follow device weight', () => {
  const inputs = {
    configurations: [{ deviceCount: 7, configuration, nodeKeys: ['nic'] }],
    catalog,
  };
  const rows = computeInventory(inputs);

  assert.deepEqual(
    rows.map((r) => [r.version, r.applicableDeviceCount, r.recommended]),
    [
      ['2.0.0.0', 7, false],
      ['3.0.0.0', 7, true],
    ],
  );
  assert.equal(rows[1]!.releaseDateTime, '2025-01-01T00:00:00.000Z');
  assert.equal(countReportingDevices(inputs), 7);
});

test('a node shared by configurations is weighed in each machine context', () => {
  const chid = '{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}';
  const targeted = { ...pkg('c', '4.0.0.0', '2026-01-01'), chids: [chid] };
  const withTargeted = {
    packages: [...catalog.packages, targeted],
    matchRows: [...catalog.matchRows, row(targeted.id, 'PCI\\VEN_8086&DEV_15F3')],
  };
  const onModel = { ...configuration, computerHardwareIds: [chid] };
  const rows = computeInventory({
    configurations: [
      { deviceCount: 3, configuration, nodeKeys: ['nic'] },
      { deviceCount: 5, configuration: onModel, nodeKeys: ['nic'] },
    ],
    catalog: withTargeted,
  });

  assert.deepEqual(
    rows.map((r) => [r.version, r.applicableDeviceCount, r.recommended]),
    [
      ['2.0.0.0', 8, false],
      ['3.0.0.0', 8, true],
      ['4.0.0.0', 5, true],
    ],
  );
});
