import type { Kysely } from 'kysely';

// App registrations of the built-in issuer. Secrets are kept as salted scrypt hashes only; the
// previous hash lives on for an optional overlap after a rotation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_registrations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('secret_hint', 'text', (c) => c.notNull())
    .addColumn('secret_created_at', 'text', (c) => c.notNull())
    .addColumn('previous_secret_hash', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_registrations_pk', ['tenant_id', 'client_id'])
    .execute();
}
