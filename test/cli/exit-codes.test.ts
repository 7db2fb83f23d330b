// Every command answers --help with exit code 0 and a wrong command line with 2, so scripts
// can tell a usage mistake from a failed run (1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { exitCodeOf } from '../../src/cli/exit-codes.js';
import { createProgram } from '../../src/cli/program.js';

const commands = [
  [],
  ['serve'],
  ['worker'],
  ['token'],
  ['app'],
  ['app', 'add'],
  ['app', 'list'],
  ['app', 'remove'],
  ['app', 'secret', 'rotate'],
  ['keys'],
  ['inf', 'show'],
  ['explain'],
  ['import'],
  ['import', 'inf'],
  ['import', 'devices'],
  ['demo'],
];

async function run(args: readonly string[]): Promise<{ exitCode: number; out: string }> {
  let out = '';
  const program = createProgram().configureOutput({
    writeOut: (text) => (out += text),
    writeErr: () => {},
  });
  try {
    await program.parseAsync(['node', 'drivergraph', ...args]);

    return { exitCode: 0, out };
  } catch (error) {
    return { exitCode: exitCodeOf(error), out };
  }
}

async function exitCodeFor(args: readonly string[]): Promise<number> {
  return (await run(args)).exitCode;
}

describe('the command line', () => {
  for (const command of commands) {
    const name = ['drivergraph', ...command].join(' ');

    test(`${name} --help exits with 0 and an unknown flag with 2`, async () => {
      assert.equal(await exitCodeFor([...command, '--help']), 0);
      assert.equal(await exitCodeFor([...command, '--no-such-flag']), 2);
    });
  }

  test('--version and -V print the version of package.json and exit with 0', async () => {
    const packageJson = new URL('../../package.json', import.meta.url);
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };

    assert.deepEqual(await run(['--version']), { exitCode: 0, out: `${version}\n` });
    assert.deepEqual(await run(['-V']), { exitCode: 0, out: `${version}\n` });
  });

  test('a database setting of no known form is a usage mistake wherever it is taken', async () => {
    const tenant = ['--tenant', '00000000-0000-4000-8000-000000000001'];
    for (const command of [
      ['serve'],
      ['worker'],
      ['demo'],
      ['import', 'inf', 'x.inf', ...tenant],
    ]) {
      assert.equal(await exitCodeFor([...command, '--database', 'mysql://db']), 2);
    }
  });

  test('an unknown command exits with 2 and a failure that is not about usage with 1', async () => {
    assert.equal(await exitCodeFor(['no-such-command']), 2);
    assert.equal(exitCodeOf(new Error('database unreachable')), 1);
  });
});
