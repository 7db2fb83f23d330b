import { join } from 'node:path';
import { openPostgresStore } from './open-postgres.js';
import { openSqliteStore } from './open-sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Connections per process on PostgreSQL; SQLite has one. */
  readonly poolSize?: number;
  readonly onConnectionError?: (error: Error) => void;
}

export const defaultPoolSize = 10;

/**
 * Opens the store named by a database setting: empty for SQLite in the data folder,
 * `sqlite:PATH` (or `:memory:`) for another SQLite file, `postgres://...` for PostgreSQL.
 */
export async function openStore(
  database: string | null,
  dataDir: string,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (!database) return openSqliteStore(join(dataDir, 'drivergraph.sqlite'));
  if (database === ':memory:') return openSqliteStore(':memory:');
  if (database.startsWith('sqlite:')) return openSqliteStore(database.slice('sqlite:'.length));
  if (isPostgresUrl(database)) {
    return openPostgresStore(database, {
      poolSize: options.poolSize ?? defaultPoolSize,
      ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
    });
  }

  throw new Error(`unrecognised database setting: expected sqlite:PATH or postgres://...`);
}

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}
