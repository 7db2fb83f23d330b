#!/usr/bin/env node
// The drivergraph command line: one subcommand per file under commands/.
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('drivergraph')
  .description('Self-hosted Windows driver update service speaking Microsoft Graph')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { exitCode?: number }).exitCode;
  process.exitCode = typeof code === 'number' ? code : 1;
  if (typeof code !== 'number') console.error(error instanceof Error ? error.message : error);
}
