// Directory `$search` matches the tokens of a device's or a group's names (see
// graph/odata/search-tokens.ts). They are stored beside the names, each after a space, so that a
// search is a LIKE the database can run. Existing rows get theirs page by page.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { searchTokenColumn } from '../../graph/odata/search-tokens.js';

const pageSize = 500;

interface NamedRow {
  readonly tenant_id: string;
  readonly id: string;
  readonly display_name: string;
  readonly description: string | null;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['devices', 'groups']) {
    await db.schema
      .alterTable(table)
      .addColumn('search_display_name', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await db.schema.alterTable('groups').addColumn('search_description', 'text').execute();

  await backfill(db, 'devices', sql`null`);
  await backfill(db, 'groups', sql`description`);
}

async function backfill(
  db: Kysely<unknown>,
  table: 'devices' | 'groups',
  description: ReturnType<typeof sql>,
): Promise<void> {
  let after = { tenant: '', id: '' };
  for (;;) {
    const { rows } = await sql<NamedRow>`select tenant_id, id, display_name,
      ${description} as description from ${sql.table(table)}
      where tenant_id > ${after.tenant} or (tenant_id = ${after.tenant} and id > ${after.id})
      order by tenant_id, id limit ${pageSize}`.execute(db);
    const last = rows.at(-1);
    if (last === undefined) return;

    for (const row of rows) {
      const tokens = sql`search_display_name = ${searchTokenColumn(row.display_name)}`;
      const set =
        table === 'groups'
          ? sql`${tokens}, search_description = ${searchTokenColumn(row.description)}`
          : tokens;
      await sql`update ${sql.table(table)} set ${set}
        where tenant_id = ${row.tenant_id} and id = ${row.id}`.execute(db);
    }
    after = { tenant: last.tenant_id, id: last.id };
  }
}
