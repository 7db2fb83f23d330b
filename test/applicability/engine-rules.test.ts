import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCatalogIndex,
  evaluateConfiguration,
  evaluateNode,
  type NodeEvaluation,
} from '../../src/applicability/index.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import type { DeviceNode, ReportedOs } from '../../src/fleet/report-types.js';
import { aNode, anInstalledDriver, aPackage, rowsOf, windows11 } from './catalog-builders.js';

const nic = 'PCI\\VEN_8086&DEV_15F3';
const nicSubsys = 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086';

interface Scenario {
  readonly packages: readonly CatalogPackage[];
  readonly rows: readonly CatalogMatchRow[];
  readonly node?: DeviceNode;
  readonly os?: ReportedOs;
  readonly chids?: readonly string[];
}

function evaluate(scenario: Scenario): NodeEvaluation {
  const index = buildCatalogIndex(scenario.packages, scenario.rows);

  return evaluateNode(
    scenario.node ?? aNode(),
    { os: scenario.os ?? windows11, chids: scenario.chids ?? [] },
    index,
  );
}

function offered(evaluation: NodeEvaluation): Record<string, string> {
  return Object.fromEntries(evaluation.offers.map((offer) => [offer.packageId, offer.category]));
}

describe('ranking', () => {
  test('a hardware-ID match beats a compatible-ID match that has a newer date', () => {
    const result = evaluate({
      packages: [aPackage('specific'), aPackage('generic', { date: '2025-06-01' })],
      rows: [...rowsOf('specific', [{ ids: [nicSubsys] }]), ...rowsOf('generic', [{ ids: [nic] }])],
    });

    assert.equal(result.winner?.packageId, 'specific');
    assert.equal(result.winner?.rankText, '0x00FF0001');
    assert.equal(result.candidates[1]?.rankText, '0x00FF2001');
    assert.deepEqual(offered(result), { specific: 'recommended', generic: 'other' });
  });

  test('matches PCI IDs that Windows 11 moved to the compatible list', () => {
    const result = evaluate({
      packages: [aPackage('amd')],
      rows: rowsOf('amd', [{ ids: [nic] }]),
    });

    assert.equal(result.winner?.rankText, '0x00FF2001');
    assert.equal(result.winner?.deviceList, 'compatible');
  });

  test('at equal rank a newer date beats a higher version', () => {
    const result = evaluate({
      packages: [
        aPackage('newer-date', { date: '2024-03-01', version: '1.0.0.0' }),
        aPackage('higher-version', { date: '2024-02-01', version: '9.0.0.0' }),
      ],
      rows: [
        ...rowsOf('newer-date', [{ ids: [nicSubsys] }]),
        ...rowsOf('higher-version', [{ ids: [nicSubsys] }]),
      ],
    });

    assert.equal(result.winner?.packageId, 'newer-date');
    assert.equal(offered(result)['higher-version'], 'other');
  });

  test('an unsigned driver ranks worse than a signed one with a weaker match', () => {
    const result = evaluate({
      packages: [aPackage('unsigned', { signed: false }), aPackage('signed')],
      rows: [...rowsOf('unsigned', [{ ids: [nicSubsys] }]), ...rowsOf('signed', [{ ids: [nic] }])],
    });

    assert.equal(result.winner?.packageId, 'signed');
    assert.equal(result.candidates[1]?.rankText, '0x80FF0001');
    assert.equal(result.candidates[1]?.signature, 'unsigned');
  });

  test('a lower feature score wins at the same match', () => {
    const result = evaluate({
      packages: [aPackage('plain'), aPackage('scored')],
      rows: [
        ...rowsOf('plain', [{ ids: [nicSubsys] }]),
        ...rowsOf('scored', [{ ids: [nicSubsys], featureScore: 0xf8 }]),
      ],
    });

    assert.equal(result.winner?.rankText, '0x00F80001');
  });
});

describe('target platform', () => {
  const lines = [
    { ids: [nicSubsys], decoration: 'NTamd64.10.0', installSection: 'Win10' },
    { ids: [nicSubsys], decoration: 'NTamd64.10.0...22000', installSection: 'Win11' },
  ];

  test('picks the models section by build number', () => {
    const onWindows11 = evaluate({ packages: [aPackage('p')], rows: rowsOf('p', lines) });
    const onWindows10 = evaluate({
      packages: [aPackage('p')],
      rows: rowsOf('p', lines),
      os: { version: '10.0.19045.5011', architecture: 'amd64' },
    });

    assert.equal(onWindows11.winner?.installSection, 'Win11');
    assert.equal(onWindows10.winner?.installSection, 'Win10');
    assert.deepEqual(
      onWindows11.excluded.map((entry) => [entry.reason, entry.decoration]),
      [['platform', 'NTamd64.10.0']],
    );
  });

  test('an arm64 machine gets the arm64 section and never an amd64-only package', () => {
    const arm64 = { version: '10.0.22631.4602', architecture: 'arm64' } as const;
    const result = evaluate({
      packages: [aPackage('both'), aPackage('amd64-only')],
      rows: [
        ...rowsOf('both', [
          { ids: [nicSubsys], decoration: 'NTamd64.10.0', installSection: 'X64' },
          { ids: [nicSubsys], decoration: 'NTarm64.10.0', installSection: 'Arm64' },
        ]),
        ...rowsOf('amd64-only', [{ ids: [nicSubsys], decoration: 'NTamd64.10.0' }]),
      ],
      os: arm64,
    });

    assert.equal(result.winner?.installSection, 'Arm64');
    assert.deepEqual(offered(result), { both: 'recommended' });
    assert.match(
      result.excluded.find((entry) => entry.packageId === 'amd64-only')?.detail ?? '',
      /amd64, not arm64/,
    );
  });

  test('an undecorated section does not serve amd64', () => {
    const result = evaluate({
      packages: [aPackage('old')],
      rows: rowsOf('old', [{ ids: [nic], decoration: 'NT' }]),
    });

    assert.equal(result.winner, null);
    assert.match(result.excluded[0]?.detail ?? '', /x86 only/);
  });
});

describe('computer hardware IDs', () => {
  const packages = [
    aPackage('oem', {
      chids: ['{11111111-1111-1111-1111-111111111111}', '{22222222-2222-2222-2222-222222222222}'],
    }),
  ];
  const rows = rowsOf('oem', [{ ids: [nicSubsys] }]);

  test('a CHID-targeted driver is never offered to another model', () => {
    const result = evaluate({ packages, rows, chids: ['{33333333-3333-3333-3333-333333333333}'] });

    assert.equal(result.winner, null);
    assert.deepEqual(result.offers, []);
    assert.equal(result.excluded[0]?.reason, 'chid');
  });

  test('any one of its CHIDs qualifies a machine, in any letter case', () => {
    const result = evaluate({
      packages,
      rows,
      chids: ['{22222222-2222-2222-2222-222222222222}'.toLowerCase()],
    });

    assert.deepEqual(offered(result), { oem: 'recommended' });
  });
});

describe('extensions and firmware', () => {
  const extensionId = '{AAAAAAAA-0000-0000-0000-000000000001}';
  const extension = (id: string, date: string, version: string): CatalogPackage =>
    aPackage(id, { infClass: 'Extension', extensionId, date, version });

  test('one extension per ExtensionId is chosen by date, on top of the base driver', () => {
    const result = evaluate({
      packages: [
        aPackage('base'),
        extension('ext-old', '2024-01-01', '9.0.0.0'),
        extension('ext-new', '2024-05-01', '1.0.0.0'),
        aPackage('ext-other', {
          infClass: 'Extension',
          extensionId: '{BBBBBBBB-0000-0000-0000-000000000002}',
        }),
      ],
      rows: [
        ...rowsOf('base', [{ ids: [nic] }]),
        ...rowsOf('ext-old', [{ ids: [nicSubsys] }]),
        ...rowsOf('ext-new', [{ ids: [nic] }]),
        ...rowsOf('ext-other', [{ ids: [nic] }]),
      ],
    });

    assert.equal(result.winner?.packageId, 'base');
    assert.deepEqual(
      result.extensions.map((choice) => [choice.extensionId, choice.chosen.packageId]),
      [
        [extensionId, 'ext-new'],
        ['{BBBBBBBB-0000-0000-0000-000000000002}', 'ext-other'],
      ],
    );
    assert.equal(offered(result)['base'], 'recommended');
    assert.equal(offered(result)['ext-new'], 'other');
  });

  test('an extension no newer than the installed one is not offered', () => {
    const result = evaluate({
      packages: [extension('ext', '2024-05-01', '1.0.0.0')],
      rows: rowsOf('ext', [{ ids: [nic] }]),
      node: aNode({
        extensionDrivers: [
          {
            extensionId: extensionId.toLowerCase(),
            infName: 'oem40.inf',
            version: '1.0.0.0',
            date: '2024-05-01',
          },
        ],
      }),
    });

    assert.equal(result.extensions[0]?.verdict.kind, 'no-update');
    assert.deepEqual(result.offers, []);
  });

  test('firmware matches a UEFI resource ID and is listed under other', () => {
    const resource = 'UEFI\\RES_{5B2A1F0E-7C4D-4E55-9A0B-1D2C3E4F5A6B}';
    const firmware = aPackage('capsule', { infClass: 'Firmware', driverClass: 'Firmware' });
    const result = evaluate({
      packages: [firmware],
      rows: rowsOf('capsule', [{ ids: [resource] }]),
      node: aNode({
        instanceId: `${resource}\\0`,
        hardwareIds: [`${resource}&REV_2`, resource],
        compatibleIds: [],
      }),
    });

    assert.equal(result.winner?.rankText, '0x00FF0001');
    assert.deepEqual(offered(result), { capsule: 'other' });
  });

  test('a firmware package does not apply to an ordinary device ID', () => {
    const result = evaluate({
      packages: [aPackage('capsule', { infClass: 'Firmware', driverClass: 'Firmware' })],
      rows: rowsOf('capsule', [{ ids: [nic] }]),
    });

    assert.equal(result.excluded[0]?.reason, 'firmware-id');
  });
});

describe('updates', () => {
  test('an installed driver newer than the catalog gives nothing', () => {
    const result = evaluate({
      packages: [aPackage('p', { date: '2023-01-01', version: '2.0.0.0' })],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node: aNode({
        installedDriver: anInstalledDriver({
          date: '2024-01-01',
          version: '1.0.0.0',
          rank: '0x00FF0001',
        }),
      }),
    });

    assert.equal(result.verdict.kind, 'no-update');
    assert.match(result.verdict.reason, /newer/);
    assert.deepEqual(result.offers, []);
  });

  test('recomputes the installed rank from the matching ID when none is reported', () => {
    const result = evaluate({
      packages: [aPackage('p', { date: '2023-01-01' })],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node: aNode({
        installedDriver: anInstalledDriver({ date: '2022-01-01', matchingId: nic.toLowerCase() }),
      }),
    });

    assert.equal(result.installed?.rankSource, 'recomputed');
    assert.equal(result.installed?.rankText, '0x00FF2001');
    assert.equal(result.verdict.kind, 'update');
  });

  test('the same driver as the installed one is not an update', () => {
    const result = evaluate({
      packages: [aPackage('p')],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node: aNode({ installedDriver: anInstalledDriver({ rank: '0x00ff0001' }) }),
    });

    assert.equal(result.verdict.reason, 'the installed driver has the same rank, date and version');
  });

  test('an older driver with a better rank than the installed one is offered', () => {
    const result = evaluate({
      packages: [aPackage('p', { date: '2020-01-01' })],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node: aNode({ installedDriver: anInstalledDriver({ rank: '0x00FF2001' }) }),
    });

    assert.equal(result.verdict.kind, 'update');
  });

  test('without a rank or matching ID only a strictly newer driver counts', () => {
    const node = aNode({ installedDriver: anInstalledDriver({ date: '2024-01-01' }) });
    const same = evaluate({
      packages: [aPackage('p')],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node,
    });
    const newer = evaluate({
      packages: [aPackage('p', { date: '2024-01-02' })],
      rows: rowsOf('p', [{ ids: [nicSubsys] }]),
      node,
    });

    assert.equal(same.installed?.rankSource, 'unknown');
    assert.equal(same.verdict.kind, 'no-update');
    assert.equal(newer.verdict.kind, 'update');
  });
});

describe('optional drivers', () => {
  const packages = [aPackage('optional', { publishing: 'optional', date: '2025-01-01' })];
  const rows = rowsOf('optional', [{ ids: [nicSubsys] }]);

  test('are offered under other to a device without a driver, and never win', () => {
    const result = evaluate({ packages, rows });

    assert.equal(result.winner, null);
    assert.deepEqual(offered(result), { optional: 'other' });
  });

  test('are offered where an inbox Microsoft driver matched a compatible ID', () => {
    const generic = anInstalledDriver({
      provider: 'Microsoft',
      matchingId: 'PCI\\CC_020000',
      rank: '0x00FF2002',
    });
    const result = evaluate({ packages, rows, node: aNode({ installedDriver: generic }) });

    assert.equal(result.installed?.generic, true);
    assert.deepEqual(offered(result), { optional: 'other' });
  });

  test('are not offered over a device-specific driver', () => {
    const specific = anInstalledDriver({ provider: 'Contoso', rank: '0x00FF2001' });
    const result = evaluate({ packages, rows, node: aNode({ installedDriver: specific }) });

    assert.deepEqual(result.offers, []);
  });
});

describe('configurations', () => {
  test('lists the offers of every node, by package then node', () => {
    const index = buildCatalogIndex(
      [aPackage('b'), aPackage('a')],
      [
        ...rowsOf('b', [{ ids: [nicSubsys] }]),
        ...rowsOf('a', [{ ids: ['USB\\VID_1234&PID_5678'] }]),
      ],
    );
    const usb = aNode({
      instanceId: 'USB\\VID_1234&PID_5678\\1',
      hardwareIds: ['USB\\VID_1234&PID_5678'],
      compatibleIds: [],
    });
    const result = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [aNode(), usb] },
      index,
    );

    assert.deepEqual(
      result.offers.map((offer) => [offer.packageId, offer.instanceId, offer.category]),
      [
        ['a', usb.instanceId, 'recommended'],
        ['b', aNode().instanceId, 'recommended'],
      ],
    );
  });
});
