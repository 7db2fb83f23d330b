import type { Command } from 'commander';
import { addImportDevicesCommand } from './import-devices.js';
import { addImportInfCommand } from './import-inf.js';

/** Adds one subcommand to `drivergraph import`. */
export type ImportSubcommand = (importCommand: Command) => void;

// Each kind of import lives in its own file and adds itself here.
const subcommands: readonly ImportSubcommand[] = [addImportInfCommand, addImportDevicesCommand];

/** `drivergraph import <kind>`: loads drivers or devices into a tenant's store. */
export function registerImportCommand(program: Command): Command {
  const command = program
    .command('import')
    .description("Load driver packages or device reports into a tenant's store");

  for (const add of subcommands) add(command);

  return command;
}
