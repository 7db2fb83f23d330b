// The drivergraph command line as one commander program, built afresh for each run or test.
import { Command } from 'commander';
import { drivergraphVersion } from '../version.js';
import { registerCommands } from './commands/index.js';

export function createProgram(): Command {
  const program = new Command('drivergraph')
    .description('Self-hosted Windows driver update service speaking Microsoft Graph')
    .version(drivergraphVersion, '-V, --version', 'print the version and exit')
    .showHelpAfterError()
    .exitOverride();

  registerCommands(program);

  return program;
}
