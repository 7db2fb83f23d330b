// The store: one Kysely query layer over SQLite (embedded default) or PostgreSQL (scale-out).
// Repositories take a `Kysely<Database>` so the same function runs inside or outside a
// transaction; where the backends differ, code branches on a capability, never on a name.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoreCapabilities {
  /** `FOR UPDATE SKIP LOCKED` lets concurrent workers claim different jobs without waiting. */
  readonly supportsSkipLocked: boolean;
  /**
   * `SELECT ... FOR UPDATE` holds a row until commit. Without it (SQLite) transactions already
   * run one at a time, so writers on one row take turns anyway.
   */
  readonly supportsRowLocks: boolean;
  /** More than one process may write at once (a server database rather than one file). */
  readonly sharedByProcesses: boolean;
}

export type Db = Kysely<Database>;

export interface Store {
  readonly db: Db;
  readonly capabilities: StoreCapabilities;
  /** Human-readable location, for logs (never includes credentials). */
  readonly description: string;
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
