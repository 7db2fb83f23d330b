import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import type { DeviceNode, ReportedOs } from '../fleet/report-types.js';
import { buildCatalogIndex } from './catalog-index.js';
import { evaluateConfiguration } from './evaluate-configuration.js';
import { summarizeFleet } from './summarize-fleet.js';
import { summarizeKeyedFleet, type KeyedConfiguration } from './summarize-keyed-fleet.js';

const nicId = 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086';
const chid = '{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}';
const windows10: ReportedOs = { version: '10.0.19045', architecture: 'amd64' };
const windows11: ReportedOs = { version: '10.0.22631', architecture: 'amd64' };

function aPackage(id: string, version: string, overrides: Partial<CatalogPackage> = {}) {
  return {
    id: id.padEnd(64, '0'),
    name: `Contoso - Networking - ${version}`,
    infName: `${id}.inf`,
    provider: 'Contoso',
    manufacturer: 'Contoso',
    infClass: 'Net',
    classGuid: null,
    driverClass: 'Networking',
    version,
    date: `20${version.split('.')[0]!.padStart(2, '0')}-01-01`,
    signed: true,
    extensionId: null,
    publishing: 'automatic',
    chids: [],
    ...overrides,
  } satisfies CatalogPackage;
}

function aRow(pkg: CatalogPackage, build: number | null): CatalogMatchRow {
  return {
    packageId: pkg.id,
    matchId: nicId,
    kind: 'hardware',
    position: 0,
    manufacturerIndex: 0,
    architecture: 'amd64',
    osMajor: build === null ? null : 10,
    osMinor: build === null ? null : 0,
    productType: null,
    build,
    featureScore: 0xff,
    installSection: 'Install',
    date: null,
    version: null,
  };
}

const base = aPackage('a', '21.0.0.0');
const windows11Only = aPackage('b', '22.0.0.0');
const targeted = aPackage('c', '23.0.0.0', { chids: [chid.toLowerCase()] });
const index = buildCatalogIndex(
  [base, windows11Only, targeted],
  [aRow(base, null), aRow(windows11Only, 22000), aRow(targeted, null)],
);

function nic(installedVersion: string): DeviceNode {
  return {
    instanceId: `PCI\\${installedVersion}`,
    hardwareIds: [nicId],
    compatibleIds: ['PCI\\CC_020000'],
    installedDriver: {
      infName: 'oem1.inf',
      provider: 'Contoso',
      class: 'Net',
      version: installedVersion,
      date: `20${installedVersion.split('.')[0]!.padStart(2, '0')}-01-01`,
      matchingId: nicId,
      rank: '0x00FF0000',
    },
    extensionDrivers: [],
  };
}

function machine(os: ReportedOs, chids: string[], nodes: DeviceNode[], deviceCount: number) {
  return {
    os,
    computerHardwareIds: chids,
    nodes,
    nodeKeys: nodes.map((node) => `nic ${node.installedDriver?.version}`),
    deviceCount,
  } satisfies KeyedConfiguration;
}

describe('summarizeKeyedFleet', () => {
  test('weighs a shared node by what each OS and CHID set admits, as full evaluation does', () => {
    const old = nic('20.0.0.0');
    const recent = nic('22.0.0.0');
    const fleet = [
      machine(windows10, [], [old], 2),
      machine(windows11, [], [old], 3),
      machine(windows10, [chid], [old], 5),
      machine(windows11, [chid], [old, recent], 7),
      machine(windows11, [], [recent], 11),
    ];
    const expected = summarizeFleet(
      fleet.map((entry) => ({
        evaluation: evaluateConfiguration({ ...entry, devices: entry.nodes }, index),
        deviceCount: entry.deviceCount,
      })),
    );

    assert.deepEqual(summarizeKeyedFleet(fleet, index), expected);
    assert.deepEqual(
      expected.map((entry) => [entry.packageId[0], entry.applicableDeviceCount, entry.recommended]),
      [
        ['a', 17, true],
        ['b', 10, true],
        ['c', 12, true],
      ],
    );
  });

  test('offers nothing for nodes that hit no catalog row', () => {
    const other = { ...nic('1.0.0.0'), hardwareIds: ['USB\\VID_0000&PID_0000'] };

    assert.deepEqual(summarizeKeyedFleet([machine(windows11, [], [other], 4)], index), []);
  });
});
