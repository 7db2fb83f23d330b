// Every command answers --help with exit code 0 and a wrong command line with 2, so scripts
// can tell a usage mistake from a failed run (1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Command } from 'commander';
import { registerCommands } from '../../src/cli/commands/index.js';
import { exitCodeOf } from '../../src/cli/exit-codes.js';

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

async function exitCodeFor(args: readonly string[]): Promise<number> {
  const program = new Command('drivergraph')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerCommands(program);
  try {
    await program.parseAsync(['node', 'drivergraph', ...args]);

    return 0;
  } catch (error) {
    return exitCodeOf(error);
  }
}

describe('the command line', () => {
  for (const command of commands) {
    const name = ['drivergraph', ...command].join(' ');

    test(`${name} --help exits with 0 and an unknown flag with 2`, async () => {
      assert.equal(await exitCodeFor([...command, '--help']), 0);
      assert.equal(await exitCodeFor([...command, '--no-such-flag']), 2);
    });
  }

  test('an unknown command exits with 2 and a failure that is not about usage with 1', async () => {
    assert.equal(await exitCodeFor(['no-such-command']), 2);
    assert.equal(exitCodeOf(new Error('database unreachable')), 1);
  });
});
