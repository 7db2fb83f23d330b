// Request counters shared by every API process on one database, one row per tenant, counter
// and window; a request adds one with an upsert, so concurrent processes never lose a count.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('throttle_counters')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('throttle_counters_pk', ['tenant_id', 'key', 'window_start'])
    .execute();
  // Finished windows are swept across tenants by their start.
  await db.schema
    .createIndex('throttle_counters_window')
    .on('throttle_counters')
    .column('window_start')
    .execute();
}
