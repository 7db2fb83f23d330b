#!/usr/bin/env node
// The drivergraph command line: one subcommand per file under commands/.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodeOf } from './exit-codes.js';

const program = new Command('drivergraph')
  .description('Self-hosted Windows driver update service speaking Microsoft Graph')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
  if (!(error instanceof CommanderError)) {
    console.error(error instanceof Error ? error.message : error);
  }
}
