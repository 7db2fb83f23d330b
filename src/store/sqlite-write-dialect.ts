// Kysely's SQLite dialect with two changes that matter once more than one process opens the
// file (serve next to `worker`, `import` or `demo`, or several starting at once):
//
// - Transactions begin IMMEDIATE. A deferred transaction that reads and then writes fails at
//   once with SQLITE_BUSY when another process committed in between, whatever the busy
//   timeout; an immediate one takes the write lock first and waits its turn.
// - DDL runs inside the migrator's transaction, as SQLite allows. Without that each migration
//   commits statement by statement: a crash halfway leaves a schema no later start can apply
//   the rest of, and two processes starting on a new file both create the same tables.
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, SqliteDialectConfig } from 'kysely';

class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class SqliteWriteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}
