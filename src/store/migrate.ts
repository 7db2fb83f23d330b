import { Migrator, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { MigrationError } from './migration-error.js';

/** Applies every migration not applied yet; the Migrator's lock keeps concurrent starts apart. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider,
  }).migrateToLatest();
  if (!error) return;
  // No migration to blame means the database failed before any ran: unreachable, unreadable.
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  throw failed ? new MigrationError(failed, error) : error;
}
