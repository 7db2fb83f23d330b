// Flags every `drivergraph import` subcommand shares: whose store, and where it is.
import { CommanderError, InvalidArgumentError, Option } from 'commander';
import { isGuid } from '../../identity/index.js';

export const USAGE_EXIT_CODE = 2;

export interface TenantStoreOptions {
  readonly tenant: string;
  readonly data: string;
  readonly database?: string;
}

export function envOption(flags: string, description: string, name: string): Option {
  return new Option(flags, description).env(`DRIVERGRAPH_${name}`);
}

export function tenantStoreOptions(): Option[] {
  return [
    envOption('--tenant <guid>', 'tenant whose store receives the import', 'TENANT')
      .argParser(parseTenant)
      .makeOptionMandatory(),
    envOption('--data <folder>', 'data folder holding the SQLite file', 'DATA').default('./data'),
    envOption('--database <url>', 'sqlite:PATH instead of the data folder', 'DATABASE'),
  ];
}

// Commander reports usage mistakes with exit code 1; ours is 2, so 1 means the import failed.
export function usageErrorsExitWithTwo(error: CommanderError): never {
  if (error.exitCode === 1 && error.code.startsWith('commander.')) {
    throw new CommanderError(USAGE_EXIT_CODE, error.code, error.message);
  }

  throw error;
}

function parseTenant(value: string): string {
  if (!isGuid(value)) throw new InvalidArgumentError('Tenant ids are GUIDs.');

  return value.toLowerCase();
}
