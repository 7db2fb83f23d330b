import type { Command } from 'commander';

/** Each command module adds one subcommand; the order here is the order of `--help`. */
export function registerCommands(_program: Command): void {}
