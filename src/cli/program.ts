// The drivergraph command line as one commander program, built afresh for each run or test.
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

// The same relative path reaches package.json from src/cli and from dist/cli.
const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The version this build was released as, from package.json. */
export const drivergraphVersion = packageJson.version;

export function createProgram(): Command {
  const program = new Command('drivergraph')
    .description('Self-hosted Windows driver update service speaking Microsoft Graph')
    .version(drivergraphVersion, '-V, --version', 'print the version and exit')
    .showHelpAfterError()
    .exitOverride();

  registerCommands(program);

  return program;
}
