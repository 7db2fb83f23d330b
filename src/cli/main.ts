#!/usr/bin/env node
// The drivergraph command line: one subcommand per file under commands/. The program is loaded
// only once this Node.js is known to run it.
import { CommanderError } from 'commander';
import { exitCodeOf } from './exit-codes.js';
import { unsupportedNodeReason } from './node-version.js';

const refusal = unsupportedNodeReason(process.versions.node);

if (refusal !== null) {
  console.error(`drivergraph: ${refusal}`);
  process.exitCode = 1;
} else {
  try {
    const { createProgram } = await import('./program.js');
    await createProgram().parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeOf(error);
    if (!(error instanceof CommanderError)) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
}
