import type { Command } from 'commander';
import { registerExplainCommand } from './explain.js';
import { registerImportCommand } from './import.js';
import { registerInfCommand } from './inf.js';
import { registerServeCommand } from './serve.js';
import { registerTokenCommand } from './token.js';
import { registerWorkerCommand } from './worker.js';

/** Each command module adds one subcommand; the order here is the order of `--help`. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerTokenCommand(program);
  registerInfCommand(program);
  registerExplainCommand(program);
  registerImportCommand(program);
}
