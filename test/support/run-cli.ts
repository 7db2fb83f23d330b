// Runs one drivergraph command in-process, as src/cli/main.ts would, and captures what it
// printed and the exit code a shell would see.
import type { TestContext } from 'node:test';
import { Command } from 'commander';
import { exitCodeOf } from '../../src/cli/exit-codes.js';

export interface CliRun {
  readonly exitCode: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(
  t: TestContext,
  register: (program: Command) => unknown,
  args: readonly string[],
): Promise<CliRun> {
  const log = t.mock.method(console, 'log', () => {});
  const error = t.mock.method(console, 'error', () => {});
  const program = new Command('drivergraph').exitOverride().configureOutput({
    writeOut: () => {},
    writeErr: () => {},
  });
  register(program);
  let exitCode: number;

  try {
    await program.parseAsync(['node', 'drivergraph', ...args]);
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (thrown) {
    exitCode = exitCodeOf(thrown);
  } finally {
    process.exitCode = undefined;
  }
  const text = (calls: readonly { arguments: unknown[] }[]) =>
    calls.map((call) => String(call.arguments[0])).join('\n');

  return { exitCode, out: text(log.mock.calls), err: text(error.mock.calls) };
}
