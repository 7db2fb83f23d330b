import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('profiles')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('approval_type', 'text', (c) => c.notNull())
    .addColumn('deployment_deferral_in_days', 'integer')
    .addColumn('role_scope_tag_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_modified_at', 'text', (c) => c.notNull())
    .addColumn('sync_state', 'text', (c) => c.notNull())
    .addColumn('last_successful_sync_at', 'text')
    .addColumn('last_sync_requested_at', 'text')
    .addColumn('device_reporting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_updates', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('profiles_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('profile_assignments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('filter_id', 'text')
    .addColumn('filter_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_assignments_pk', ['tenant_id', 'profile_id', 'id'])
    .execute();

  await db.schema
    .createTable('inventory')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('driver_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('manufacturer', 'text')
    .addColumn('release_at', 'text', (c) => c.notNull())
    .addColumn('driver_class', 'text')
    .addColumn('applicable_device_count', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inventory_pk', ['tenant_id', 'profile_id', 'driver_id'])
    .execute();

  // Decisions live apart from inventory rows so they outlast re-syncs, age-out and re-appearance.
  await db.schema
    .createTable('decisions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('driver_id', 'text', (c) => c.notNull())
    .addColumn('approval_status', 'text', (c) => c.notNull())
    .addColumn('deploy_at', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('ever_recommended', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('decisions_pk', ['tenant_id', 'profile_id', 'driver_id'])
    .execute();

  await db.schema
    .createTable('sync_jobs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('sync_jobs_pk', ['tenant_id', 'id'])
    .execute();

  // At most one queued and one running job per profile: the indexes enforce the coalescing.
  await sql`create unique index sync_jobs_one_queued on sync_jobs (tenant_id, profile_id)
    where state = 'queued'`.execute(db);
  await sql`create unique index sync_jobs_one_running on sync_jobs (tenant_id, profile_id)
    where state = 'running'`.execute(db);
  await db.schema
    .createIndex('sync_jobs_claim')
    .on('sync_jobs')
    .columns(['state', 'run_after'])
    .execute();
}
