import type { Command } from 'commander';
import { registerAppCommand } from './app.js';
import { registerDemoCommand } from './demo.js';
import { registerExplainCommand } from './explain.js';
import { registerImportCommand } from './import.js';
import { registerInfCommand } from './inf.js';
import { registerKeysCommand } from './keys.js';
import { registerServeCommand } from './serve.js';
import { registerTokenCommand } from './token.js';
import { registerWorkerCommand } from './worker.js';

/** Each command module adds one subcommand; the order here is the order of `--help`. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerTokenCommand(program);
  registerAppCommand(program);
  registerKeysCommand(program);
  registerInfCommand(program);
  registerExplainCommand(program);
  registerImportCommand(program);
  registerDemoCommand(program);
}
