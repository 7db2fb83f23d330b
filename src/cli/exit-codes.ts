// Scripts tell a failed run from a wrong command line by the exit code: 0 done, 1 the work
// failed, 2 the command line was wrong. Commander reports its usage errors with 1.
import { CommanderError } from 'commander';

export const USAGE_EXIT_CODE = 2;

export function exitCodeOf(error: unknown): number {
  if (!(error instanceof CommanderError)) return 1;
  if (error.exitCode === 1 && error.code.startsWith('commander.')) return USAGE_EXIT_CODE;

  return error.exitCode;
}

/** A command's exitOverride: its own usage errors then carry exit code 2 wherever it is run. */
export function exitWithUsageCode(error: CommanderError): never {
  throw new CommanderError(exitCodeOf(error), error.code, error.message);
}
