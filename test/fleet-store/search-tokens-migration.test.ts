import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { connectSqlite } from '../../src/store/open-sqlite.js';

const tenant = '77777777-7777-4777-8777-777777777777';

test('devices and groups stored before search tokens get them on migration', async () => {
  const db = await connectSqlite(':memory:');
  const migrator = new Migrator({ db, provider: migrationProvider });
  await migrator.migrateTo('006-device-nodes');
  await sql`insert into devices (tenant_id, id, device_id, display_name, created_at)
    values (${tenant}, 'd1', 'x1', 'PC-LAPTOP-01', 'x')`.execute(db);
  await sql`insert into groups
    (tenant_id, id, display_name, description, mail_nickname, security_enabled, created_at)
    values (${tenant}, 'g1', 'Pilot ring', 'First wave', 'pilot', 1, 'x'),
      (${tenant}, 'g2', 'Broad ring', null, 'broad', 1, 'x')`.execute(db);

  const { error } = await migrator.migrateToLatest();
  const devices = await db.selectFrom('devices').select('search_display_name').execute();
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'search_display_name', 'search_description'])
    .orderBy('id')
    .execute();
  await db.destroy();

  assert.equal(error, undefined);
  assert.deepEqual(devices, [{ search_display_name: ' pc - laptop 01 pclaptop01' }]);
  assert.deepEqual(groups, [
    { id: 'g1', search_display_name: ' pilot ring', search_description: ' first wave' },
    { id: 'g2', search_display_name: ' broad ring', search_description: null },
  ]);
});
