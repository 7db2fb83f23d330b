import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';
import { SqliteWriteDialect } from './sqlite-write-dialect.js';
import { enableWal } from './sqlite-wal.js';
import type { Store } from './store.js';

// How long a statement waits for another process's lock before it fails.
const BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating when needed) the SQLite file at `path` and brings its schema up to date. */
export async function openSqliteStore(path: string): Promise<Store> {
  const db = await connectSqlite(path);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  return {
    db,
    capabilities: { supportsSkipLocked: false, supportsRowLocks: false, sharedByProcesses: false },
    description: `sqlite:${path}`,
    transaction: (work) => db.transaction().execute(work),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** The query layer over the SQLite file at `path`, schema as found. */
export async function connectSqlite(path: string): Promise<Kysely<Database>> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new SqliteDatabase(path);
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await enableWal(connection, BUSY_TIMEOUT_MS);
    // FULL: a committed admin decision survives a power cut, not only a process crash.
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
  } catch (error) {
    connection.close();
    throw error;
  }

  return new Kysely<Database>({ dialect: new SqliteWriteDialect({ database: connection }) });
}
