import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerExplainCommand } from '../../src/cli/commands/explain.js';
import type { DeviceReport } from '../../src/fleet/report-types.js';
import { aNode, anInstalledDriver, windows11 } from './catalog-builders.js';
import { runCli } from '../support/run-cli.js';

// A Windows 10 section and a Windows 11 section with FeatureScore F8 for one network adapter.
const inf = [
  '[Version]',
  'Signature="$WINDOWS NT$"',
  'Class=Net',
  'ClassGuid={4d36e972-e325-11ce-bfc1-08002be10318}',
  'Provider=%Contoso%',
  'DriverVer=03/01/2024,2.0.0.0',
  'CatalogFile=contoso.cat',
  '[Manufacturer]',
  '%Contoso%=Contoso,NTamd64.10.0,NTamd64.10.0...22000',
  '[Contoso.NTamd64.10.0]',
  '%Nic%=Nic_Win10,PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086',
  '[Contoso.NTamd64.10.0...22000]',
  '%Nic%=Nic_Win11,PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086,PCI\\VEN_8086&DEV_15F3',
  '[Nic_Win10]',
  'AddReg=Nic_AddReg',
  '[Nic_Win11]',
  'AddReg=Nic_AddReg',
  'FeatureScore=0xF8',
  '[Nic_AddReg]',
  '[Strings]',
  'Contoso="Contoso"',
  'Nic="Contoso Adapter"',
].join('\r\n');

const report: DeviceReport = {
  deviceId: '7f9c2a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b',
  deviceName: 'PC-0042',
  reportedDateTime: '2026-12-01T10:00:00Z',
  os: windows11,
  computerHardwareIds: [],
  devices: [
    aNode({
      installedDriver: anInstalledDriver({
        provider: 'Intel',
        date: '2023-05-01',
        version: '1.0.2.3',
        matchingId: 'PCI\\VEN_8086&DEV_15F3',
        rank: '0x00FF2001',
      }),
    }),
  ],
};

let folder = '';

async function run(t: TestContext, ...args: string[]): Promise<{ out: string; code: number }> {
  const { exitCode, out, err } = await runCli(t, registerExplainCommand, ['explain', ...args]);

  return { out: [out, err].filter((text) => text !== '').join('\n'), code: exitCode };
}

describe('drivergraph explain', () => {
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'explain-'));
    await writeFile(join(folder, 'contoso.inf'), inf);
    await writeFile(join(folder, 'contoso.cat'), '');
    await writeFile(join(folder, 'report.json'), JSON.stringify(report));
  });

  after(() => rm(folder, { recursive: true, force: true }));

  test('shows each candidate with its rank taken apart, the winner and the verdict', async (t) => {
    const { out, code } = await run(
      t,
      '--device',
      join(folder, 'report.json'),
      '--inf',
      join(folder, 'contoso.inf'),
    );

    assert.equal(code, 0);
    assert.match(
      out,
      /1\. contoso\.inf \[Nic_Win11, NTamd64\.10\.0\.\.\.22000\] .* rank 0x00F80001/,
    );
    assert.match(out, /feature score F8, match type 0: device hardware ID matches INF hardware ID/);
    assert.match(out, /uses the NTamd64\.10\.0\.\.\.22000 models section, not NTamd64\.10\.0/);
    assert.match(out, /update: yes, ranks 0x00F80001, better than 0x00FF2001/);
  });

  test('prints the evaluation as JSON for scripts', async (t) => {
    const args = ['--device', join(folder, 'report.json'), '--inf', join(folder, 'contoso.inf')];
    const { out } = await run(t, ...args, '--json', '--arch', 'arm64');
    const parsed = JSON.parse(out) as { nodes: { candidates: unknown[]; excluded: unknown[] }[] };

    assert.equal(parsed.nodes[0]?.candidates.length, 0);
    assert.equal(parsed.nodes[0]?.excluded.length, 3);
  });

  test('exits 1 for an unreadable file and 2 for bad usage', async (t) => {
    const missing = await run(t, '--device', join(folder, 'absent.json'), '--inf', 'x.inf');
    const usage = await run(t, '--device', join(folder, 'report.json'));

    assert.equal(missing.code, 1);
    assert.match(missing.out, /cannot read/);
    assert.equal(usage.code, 2);
  });
});
