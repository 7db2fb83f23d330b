import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { CollateTextPlugin } from './collate-text-plugin.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

export interface PostgresOptions {
  /** Most connections this process holds at once. */
  readonly poolSize: number;
  /** How long a query waits for a free connection before failing as unavailable. */
  readonly connectTimeoutMs?: number;
  /** A pooled connection died (server restart, terminated backend); the pool replaces it. */
  readonly onConnectionError?: (error: Error) => void;
}

/** Connects a pool to the PostgreSQL database at `url` and brings its schema up to date. */
export async function openPostgresStore(url: string, options: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // A connection the server closes reports it as an 'error' event, idle in the pool or checked
  // out between two queries. Unheard, that event would end the process; heard, it only needs
  // noting: the query that was running fails on its own, and the pool discards the client.
  const noteLoss = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', noteLoss);
  pool.on('connect', (client) => client.on('error', noteLoss));

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  try {
    await migrate(db.withPlugin(new CollateTextPlugin()));
  } catch (error) {
    await db.destroy();
    throw error;
  }

  return {
    db,
    capabilities: { supportsSkipLocked: true, supportsRowLocks: true, sharedByProcesses: true },
    description: describePostgresUrl(url),
    transaction: (work) => db.transaction().execute(work),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** The URL without user, password or query, fit for a log line. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);

    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparsable url)';
  }
}
