import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readInf } from '../inf/read-inf.js';
import { packageFromInf } from './package-from-inf.js';

const ID = 'a'.repeat(64);

const INF = [
  '[Version]',
  'Signature="$Windows NT$"',
  'Class=Display',
  'ClassGuid={4d36e968-e325-11ce-bfc1-08002be10318}',
  'Provider=%Mfg%',
  'DriverVer=04/01/2024,31.0.1.2',
  'CatalogFile=widget.cat',
  '[Manufacturer]',
  '%Mfg%=Models,NTamd64,NTarm64.10.0...22000',
  '%Other%=More,NTamd64',
  '[Models.NTamd64]',
  '%Desc%=Inst,PCI\\VEN_1234&DEV_5678&SUBSYS_00011234,pci\\ven_1234&dev_5678,PCI\\CC_0300',
  '%Desc%=Inst,pci\\VEN_1234&DEV_5678',
  '[Models.NTarm64.10.0...22000]',
  '%Desc%=Inst,PCI\\VEN_1234&DEV_5678',
  '[More.NTamd64]',
  '%Desc%=Late,PCI\\VEN_1234&DEV_9999',
  '[Inst.NT]',
  'FeatureScore=F8',
  '[Late.NT]',
  'DriverVer=05/01/2024,31.0.1.3',
  '[Strings]',
  'Mfg="Contoso"',
  'Other="Contoso Labs"',
  'Desc="Contoso Video"',
].join('\n');

function build(text = INF, overrides: Partial<Parameters<typeof packageFromInf>[0]> = {}) {
  return packageFromInf({
    id: ID,
    infName: 'widget.inf',
    inf: readInf(new TextEncoder().encode(text)),
    files: ['widget.inf', 'widget.sys', 'Widget.cat'],
    publishing: 'automatic',
    chids: [],
    ...overrides,
  });
}

describe('packageFromInf', () => {
  test('a driver INF becomes a package titled like Windows Update', () => {
    const result = build();

    assert.equal(result.kind, 'package');
    assert.deepEqual(result.package, {
      id: ID,
      name: 'Contoso - Video - 31.0.1.2',
      infName: 'widget.inf',
      provider: 'Contoso',
      manufacturer: 'Contoso',
      infClass: 'Display',
      classGuid: '{4d36e968-e325-11ce-bfc1-08002be10318}',
      driverClass: 'Video',
      version: '31.0.1.2',
      date: '2024-04-01',
      signed: true,
      extensionId: null,
      publishing: 'automatic',
      chids: [],
    });
  });

  test('rows carry upper-cased IDs, one per ID, section and score, with the best kind kept', () => {
    const result = build();

    assert.equal(result.kind, 'package');

    const amd64 = result.rows.filter((row) => row.architecture === 'amd64');

    assert.deepEqual(
      amd64.map((row) => [
        row.matchId,
        row.kind,
        row.position,
        row.manufacturerIndex,
        row.featureScore,
      ]),
      [
        ['PCI\\VEN_1234&DEV_5678&SUBSYS_00011234', 'hardware', 0, 0, 0xf8],
        ['PCI\\VEN_1234&DEV_5678', 'hardware', 0, 0, 0xf8],
        ['PCI\\CC_0300', 'compatible', 1, 0, 0xf8],
        ['PCI\\VEN_1234&DEV_9999', 'hardware', 0, 1, 0xff],
      ],
    );
    assert.deepEqual(
      result.rows
        .filter((row) => row.architecture === 'arm64')
        .map((row) => [row.osMajor, row.build]),
      [[10, 22000]],
    );
  });

  test('a per-install-section DriverVer that differs from the package reaches its rows', () => {
    const result = build();

    assert.equal(result.kind, 'package');

    const late = result.rows.find((row) => row.installSection === 'Late');
    const early = result.rows.find((row) => row.installSection === 'Inst');

    assert.deepEqual([late?.date, late?.version], ['2024-05-01', '31.0.1.3']);
    assert.deepEqual([early?.date, early?.version], [null, null]);
  });

  test('an architecture keeps only its own sections and a missing catalog means unsigned', () => {
    const result = build(INF, { arch: 'arm64', files: ['widget.inf'] });

    assert.equal(result.kind, 'package');
    assert.equal(result.package.signed, false);
    assert.deepEqual(new Set(result.rows.map((row) => row.architecture)), new Set(['arm64']));
  });

  test('non-driver, non-deployable and version-less INFs are skipped with a reason', () => {
    const cases = [
      '[AutoRun]\nopen=setup.exe\n',
      INF.replace('NTamd64,NTarm64', 'NT$ARCH$'),
      INF.replace('DriverVer=04/01/2024,31.0.1.2', 'DriverVer='),
    ];

    for (const text of cases) {
      const result = build(text);

      assert.equal(result.kind, 'skipped', text.slice(0, 40));
      assert.ok(result.reason.length > 0);
    }

    assert.equal(build(INF, { arch: 'x86' }).kind, 'skipped');
  });
});
