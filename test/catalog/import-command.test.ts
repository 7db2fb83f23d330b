import { after, afterEach, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { registerImportCommand } from '../../src/cli/commands/import.js';
import { autorunInf, driverInf, tempFolder, type TempFolder } from './fixture-infs.js';
import { runCli } from '../support/run-cli.js';

const tenant = '11111111-1111-4111-8111-111111111111';

function run(t: TestContext, ...args: string[]) {
  return runCli(t, registerImportCommand, ['import', 'inf', ...args]);
}

describe('drivergraph import inf', () => {
  let folder: TempFolder;
  let data: string;

  before(async () => {
    folder = await tempFolder();
    data = join(folder.path, 'data');
    await folder.write('drivers/fabrikam.inf', driverInf());
    await folder.write('drivers/fabrikam.sys', 'driver bytes');
    await folder.write('drivers/AUTORUN.INF', autorunInf);
    await folder.write('bad/binary.inf', new Uint8Array(2048).fill(2));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  after(() => folder.remove());

  test('imports a folder, prints what it imported and skipped, and exits 0', async (t) => {
    const drivers = join(folder.path, 'drivers');
    const { exitCode, out } = await run(t, drivers, '--tenant', tenant, '--data', data);

    assert.equal(exitCode, 0);
    assert.match(out, /^imported {3}.*fabrikam\.inf: Fabrikam - Networking - 1\.2\.3\.4 \(/m);
    assert.match(out, /^skipped {4}.*AUTORUN\.INF: an AutoRun file/m);
    assert.match(out, /^1 imported, 0 unchanged, 1 skipped, 0 failed$/m);
  });

  test('a repeat finds everything already in the catalog', async (t) => {
    const drivers = join(folder.path, 'drivers');
    const { exitCode, out } = await run(t, drivers, '--tenant', tenant, '--data', data, '--json');
    const report = JSON.parse(out);

    assert.equal(exitCode, 0);
    assert.deepEqual(report.imported, []);
    assert.equal(report.unchanged.length, 1);
  });

  test('exits 1 and names the file when something fails', async (t) => {
    const { exitCode, out } = await run(
      t,
      join(folder.path, 'bad'),
      '--tenant',
      tenant,
      '--data',
      data,
    );

    assert.equal(exitCode, 1);
    assert.match(out, /^failed {5}.*binary\.inf: /m);
  });

  test('usage mistakes exit 2: no tenant, a bad CHID, an unknown architecture', async (t) => {
    const drivers = join(folder.path, 'drivers');

    assert.equal((await run(t, drivers, '--data', data)).exitCode, 2);
    assert.equal(
      (await run(t, drivers, '--tenant', tenant, '--data', data, '--chid', 'nope')).exitCode,
      2,
    );
    assert.equal(
      (await run(t, drivers, '--tenant', tenant, '--data', data, '--arch', 'mips')).exitCode,
      2,
    );
    assert.equal((await run(t, '--tenant', tenant, '--data', data)).exitCode, 2);
  });
});
