#!/usr/bin/env node
// The drivergraph command line: one subcommand per file under commands/.
import { CommanderError } from 'commander';
import { exitCodeOf } from './exit-codes.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
  if (!(error instanceof CommanderError)) {
    console.error(error instanceof Error ? error.message : error);
  }
}
