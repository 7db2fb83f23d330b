import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildCatalogIndex,
  evaluateConfiguration,
  summarizeFleet,
} from '../../src/applicability/index.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import type { DeviceNode } from '../../src/fleet/report-types.js';
import { aPackage, rowsOf, windows11 } from './catalog-builders.js';

// A small universe so that packages, rows and devices collide often.
const ids = [
  'PCI\\VEN_1&DEV_1&SUBSYS_1',
  'PCI\\VEN_1&DEV_1',
  'PCI\\VEN_1',
  'PCI\\CC_0200',
  'USB\\X',
];
const chids = ['{00000000-0000-0000-0000-00000000000A}', '{00000000-0000-0000-0000-00000000000B}'];
const decorations = [
  'NTamd64',
  'NTamd64.10.0',
  'NTamd64.10.0...22000',
  'NTamd64.10.0...26100',
  'NTarm64.10.0',
];

const packageArbitrary = fc.record({
  date: fc.constantFrom('2023-01-01', '2024-01-01', '2024-06-01'),
  version: fc.constantFrom('1.0.0.0', '1.0.0.10', '2.0.0.0'),
  signed: fc.boolean(),
  publishing: fc.constantFrom('automatic', 'optional'),
  role: fc.constantFrom('driver', 'driver', 'extension', 'firmware'),
  chids: fc.subarray(chids),
  lines: fc.array(
    fc.record({
      ids: fc.array(fc.constantFrom('', ...ids), { minLength: 1, maxLength: 3 }),
      decoration: fc.constantFrom(...decorations),
      featureScore: fc.constantFrom(0xf8, 0xff),
      manufacturerIndex: fc.constantFrom(0, 1),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const nodeArbitrary = fc.record({
  hardwareIds: fc.subarray(ids),
  compatibleIds: fc.subarray(ids),
  installed: fc.option(
    fc.record({
      date: fc.constantFrom('2023-06-01', '2024-01-01'),
      rank: fc.option(fc.constantFrom('0x00FF0000', '0x00FF2001', '0x00FF3003'), { nil: null }),
      provider: fc.constantFrom('Microsoft', 'Contoso'),
    }),
    { nil: null },
  ),
});

type PackageSpec = ReturnType<typeof packageArbitrary.generate>['value'];
type NodeSpec = ReturnType<typeof nodeArbitrary.generate>['value'];

function catalogOf(specs: readonly PackageSpec[]): {
  packages: CatalogPackage[];
  rows: CatalogMatchRow[];
} {
  const packages = specs.map((spec, number) =>
    aPackage(`p${number}`, {
      date: spec.date,
      version: spec.version,
      signed: spec.signed,
      publishing: spec.publishing as CatalogPackage['publishing'],
      chids: spec.chids,
      infClass:
        spec.role === 'extension' ? 'Extension' : spec.role === 'firmware' ? 'Firmware' : 'Net',
      extensionId: spec.role === 'extension' ? `{E${number % 2}}` : null,
    }),
  );
  const rows = specs.flatMap((spec, number) => rowsOf(`p${number}`, spec.lines));

  return { packages, rows };
}

function nodesOf(specs: readonly NodeSpec[]): DeviceNode[] {
  return specs.map((spec, number) => ({
    instanceId: `DEVICE\\${number}`,
    hardwareIds: spec.hardwareIds,
    compatibleIds: spec.compatibleIds,
    installedDriver:
      spec.installed === null
        ? null
        : {
            infName: 'oem1.inf',
            provider: spec.installed.provider,
            class: 'Net',
            version: '1.0.0.0',
            date: spec.installed.date,
            matchingId: spec.hardwareIds[0] ?? null,
            rank: spec.installed.rank,
          },
    extensionDrivers: [],
  }));
}

function reorder<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, position) => ({
      item,
      key: keys[position % Math.max(keys.length, 1)] ?? 0,
      position,
    }))
    .sort((a, b) => a.key - b.key || b.position - a.position)
    .map(({ item }) => item);
}

describe('order independence', () => {
  test('offers do not depend on the order of devices, nodes or catalog rows', () => {
    fc.assert(
      fc.property(
        fc.array(packageArbitrary, { maxLength: 6 }),
        fc.array(nodeArbitrary, { minLength: 1, maxLength: 4 }),
        fc.subarray(chids),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }),
        (packageSpecs, nodeSpecs, machineChids, keys) => {
          const { packages, rows } = catalogOf(packageSpecs);
          const devices = nodesOf(nodeSpecs);
          const configuration = { os: windows11, computerHardwareIds: machineChids, devices };
          const shuffled = {
            os: windows11,
            computerHardwareIds: reorder(machineChids, keys),
            devices: reorder(devices, keys),
          };

          const first = evaluateConfiguration(configuration, buildCatalogIndex(packages, rows));
          const second = evaluateConfiguration(
            shuffled,
            buildCatalogIndex(reorder(packages, [...keys].reverse()), reorder(rows, keys)),
          );
          assert.deepEqual(second, first);

          const fleet = [
            { evaluation: first, deviceCount: 3 },
            {
              evaluation: evaluateConfiguration(
                { ...configuration, devices: devices.slice(1) },
                buildCatalogIndex(packages, rows),
              ),
              deviceCount: 2,
            },
          ];
          assert.deepEqual(summarizeFleet(reorder(fleet, keys)), summarizeFleet(fleet));
        },
      ),
      { numRuns: 300 },
    );
  });
});
