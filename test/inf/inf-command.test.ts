import { afterEach, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { registerInfCommand } from '../../src/cli/commands/inf.js';
import { runCli } from '../support/run-cli.js';

const fixture = fileURLToPath(new URL('../fixtures/inf/contoso-net.inf', import.meta.url));

function run(t: TestContext, ...args: string[]) {
  return runCli(t, registerInfCommand, ['inf', 'show', ...args]);
}

describe('drivergraph inf show', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  test('--json prints the InfDocument with $ARCH$ stamped by --arch', async (t) => {
    const { exitCode, out } = await run(t, fixture, '--arch', 'amd64', '--json');
    const inf = JSON.parse(out);

    assert.equal(exitCode, 0);
    assert.equal(inf.provider, 'Contoso');
    assert.deepEqual(inf.driverVer, { date: '2024-04-01', version: '2.1.0.0' });
    assert.equal(inf.models[0].section, 'Models.NTamd64.10.0...19041');
    assert.equal(inf.models[0].featureScore, 0xfe);
    assert.equal(inf.deployable, true);
  });

  test('DRIVERGRAPH_INF_ARCH and DRIVERGRAPH_INF_JSON stand in for the flags', async (t) => {
    process.env['DRIVERGRAPH_INF_ARCH'] = 'arm64';
    process.env['DRIVERGRAPH_INF_JSON'] = '1';
    t.after(() => {
      delete process.env['DRIVERGRAPH_INF_ARCH'];
      delete process.env['DRIVERGRAPH_INF_JSON'];
    });
    const { exitCode, out } = await run(t, fixture);
    const inf = JSON.parse(out);

    assert.equal(exitCode, 0);
    assert.equal(inf.models[0].section, 'Models.NTarm64.10.0...19041');
  });

  test('the default output shows a summary, models by section and warnings by line', async (t) => {
    const { exitCode, out } = await run(t, fixture);

    assert.equal(exitCode, 0);
    assert.match(out, /provider: +Contoso/);
    assert.match(out, /\[Models\.NT\$ARCH\$\.10\.0\.\.\.19041\] Contoso/);
    assert.match(out, /Contoso Network Adapter: PCI\\VEN_1234&DEV_0001, PCI\\CC_0200 -> \[Inst\]/);
    assert.match(out, /line 7: DriverVer version "2\.1" read as 2\.1\.0\.0/);
    assert.match(out, /line 11: template \$ARCH\$ is not filled in/);
  });

  test('a file that cannot be read exits with 1', async (t) => {
    const { exitCode, err } = await run(t, `${fixture}.missing`);

    assert.equal(exitCode, 1);
    assert.match(err, /cannot read .*contoso-net\.inf\.missing: no such file or folder$/m);
  });

  test('a folder is refused in words: inf show reads one file', async (t) => {
    const folder = fileURLToPath(new URL('../fixtures/inf/', import.meta.url));
    const { exitCode, err } = await run(t, folder);

    assert.equal(exitCode, 1);
    assert.match(err, /cannot read .*inf\/?: is a folder, not a file$/m);
  });

  test('bad usage exits with 2', async (t) => {
    assert.equal((await run(t)).exitCode, 2);
    assert.equal((await run(t, fixture, '--arch', 'sparc')).exitCode, 2);
    assert.equal((await run(t, fixture, '--bogus')).exitCode, 2);
  });
});
