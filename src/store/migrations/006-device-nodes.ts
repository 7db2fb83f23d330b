// Device nodes get their own content-addressed rows, and a stored configuration becomes its OS,
// its computer hardware IDs and the keys of its nodes. Fleets repeat the same nodes across many
// configurations; storing each once makes a sync's read small. Existing configurations keep
// their keys (the key hashes the configuration's content, which does not change) and are
// rewritten page by page.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const pageSize = 200;

interface ConfigurationRow {
  readonly tenant_id: string;
  readonly key: string;
  readonly body: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_nodes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_nodes_pk', ['tenant_id', 'key'])
    .execute();

  let after = { tenant: '', key: '' };
  for (;;) {
    const { rows } = await sql<ConfigurationRow>`select tenant_id, key, body
      from device_configurations
      where tenant_id > ${after.tenant} or (tenant_id = ${after.tenant} and key > ${after.key})
      order by tenant_id, key limit ${pageSize}`.execute(db);
    const last = rows.at(-1);
    if (last === undefined) return;

    await inTransaction(db, async (tx) => {
      for (const row of rows) await rewrite(tx, row);
    });
    after = { tenant: last.tenant_id, key: last.key };
  }
}

// Where DDL is transactional the migrator runs this in one transaction already; elsewhere each
// page commits on its own, which keeps a large fleet from paying for a commit per statement.
async function inTransaction(
  db: Kysely<unknown>,
  work: (tx: Kysely<unknown>) => Promise<void>,
): Promise<void> {
  if (db.isTransaction) return work(db);

  await db.transaction().execute(work);
}

// The text of each node is the canonical JSON it was stored as, so its key is the one
// configurationOf gives the same node in a new report.
async function rewrite(db: Kysely<unknown>, row: ConfigurationRow): Promise<void> {
  const body = JSON.parse(row.body) as { os: unknown; computerHardwareIds: unknown; devices?: [] };
  if (body.devices === undefined) return;

  const texts = body.devices.map((node) => JSON.stringify(node));
  const nodeKeys = texts.map((text) => createHash('sha256').update(text).digest('base64url'));
  const values = texts.map(
    (text, position) => sql`(${row.tenant_id}, ${nodeKeys[position]}, ${text})`,
  );
  const keyed = { os: body.os, computerHardwareIds: body.computerHardwareIds, nodeKeys };

  if (values.length > 0) {
    await sql`insert into device_nodes (tenant_id, key, body) values ${sql.join(values)}
      on conflict (tenant_id, key) do nothing`.execute(db);
  }
  await sql`update device_configurations set body = ${JSON.stringify(keyed)}
    where tenant_id = ${row.tenant_id} and key = ${row.key}`.execute(db);
}
