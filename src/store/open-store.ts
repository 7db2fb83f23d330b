import { join } from 'node:path';
import { describePostgresUrl, openPostgresStore } from './open-postgres.js';
import { openSqliteStore } from './open-sqlite.js';
import type { Store } from './store.js';
import { StoreOpenError } from './store-open-error.js';

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
  const target = targetOf(database, dataDir);
  try {
    if (target.kind === 'sqlite') return await openSqliteStore(target.path);

    return await openPostgresStore(target.url, {
      poolSize: options.poolSize ?? defaultPoolSize,
      ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
    });
  } catch (error) {
    throw new StoreOpenError(describeTarget(target), error);
  }
}

type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

function targetOf(database: string | null, dataDir: string): StoreTarget {
  if (!database) return { kind: 'sqlite', path: join(dataDir, 'drivergraph.sqlite') };
  if (database === ':memory:') return { kind: 'sqlite', path: ':memory:' };
  if (database.startsWith('sqlite:')) {
    return { kind: 'sqlite', path: database.slice('sqlite:'.length) };
  }
  if (isPostgresUrl(database)) return { kind: 'postgres', url: database };

  throw new Error(`unrecognised database setting: expected sqlite:PATH or postgres://...`);
}

function describeTarget(target: StoreTarget): string {
  return target.kind === 'sqlite' ? `sqlite:${target.path}` : describePostgresUrl(target.url);
}

/** Whether `database` names a store this build can open (not whether it exists). */
export function isDatabaseSetting(database: string): boolean {
  return database === ':memory:' || database.startsWith('sqlite:') || isPostgresUrl(database);
}

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}
