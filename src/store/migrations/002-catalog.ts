// The driver catalog: one row per package (identified by a hash of its files) and one per ID a
// package's models lines offer, which is what the sync looks up by the IDs devices report.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_packages')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('inf_name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('manufacturer', 'text', (c) => c.notNull())
    .addColumn('inf_class', 'text', (c) => c.notNull())
    .addColumn('class_guid', 'text')
    .addColumn('driver_class', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('version_at', 'text', (c) => c.notNull())
    .addColumn('signed', 'integer', (c) => c.notNull())
    .addColumn('extension_id', 'text')
    .addColumn('publishing', 'text', (c) => c.notNull())
    .addColumn('chids', 'text', (c) => c.notNull())
    .addColumn('inf_size', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_packages_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('catalog_match_rows')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('row_index', 'integer', (c) => c.notNull())
    .addColumn('match_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('manufacturer_index', 'integer', (c) => c.notNull())
    .addColumn('architecture', 'text')
    .addColumn('os_major', 'integer')
    .addColumn('os_minor', 'integer')
    .addColumn('product_type', 'integer')
    .addColumn('build', 'integer')
    .addColumn('feature_score', 'integer', (c) => c.notNull())
    .addColumn('install_section', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('version', 'text')
    .addPrimaryKeyConstraint('catalog_match_rows_pk', ['tenant_id', 'package_id', 'row_index'])
    .execute();
  // A sync asks which packages offer the IDs its devices report: one walk of this index.
  await db.schema
    .createIndex('catalog_match_rows_match_id')
    .on('catalog_match_rows')
    .columns(['tenant_id', 'match_id'])
    .execute();
}
