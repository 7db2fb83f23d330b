import { join } from 'node:path';
import { openSqliteStore } from './open-sqlite.js';
import type { Store } from './store.js';

/**
 * Opens the store named by a database setting: empty for SQLite in the data folder,
 * `sqlite:PATH` (or `:memory:`) for another SQLite file, `postgres://...` for PostgreSQL.
 */
export async function openStore(database: string | null, dataDir: string): Promise<Store> {
  if (!database) return openSqliteStore(join(dataDir, 'drivergraph.sqlite'));
  if (database === ':memory:') return openSqliteStore(':memory:');
  if (database.startsWith('sqlite:')) return openSqliteStore(database.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(database)) {
    throw new Error('PostgreSQL is not available in this build; use SQLite (the default).');
  }

  throw new Error(`unrecognised database setting: expected sqlite:PATH or postgres://...`);
}
