// Flags every `drivergraph import` subcommand shares: whose store, and where it is.
import { InvalidArgumentError, type Option } from 'commander';
import { envOption } from '../env-option.js';
import { databaseOption } from '../shared-options.js';
import { isGuid } from '../../identity/index.js';

export interface TenantStoreOptions {
  readonly tenant: string;
  readonly data: string;
  readonly database?: string;
}

export function tenantStoreOptions(): Option[] {
  return [
    envOption('--tenant <guid>', 'tenant whose store receives the import', 'TENANT')
      .argParser(parseTenant)
      .makeOptionMandatory(),
    envOption('--data <folder>', 'data folder holding the SQLite file', 'DATA').default('./data'),
    databaseOption(),
  ];
}

function parseTenant(value: string): string {
  if (!isGuid(value)) throw new InvalidArgumentError('Tenant ids are GUIDs.');

  return value.toLowerCase();
}
