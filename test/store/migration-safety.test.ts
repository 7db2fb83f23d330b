// Migrations as several processes meet them: started together on a new database, and
// interrupted halfway through one migration.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { connectSqlite } from '../../src/store/open-sqlite.js';
import type { Database } from '../../src/store/schema.js';
import { createTestDatabase } from '../support/test-store.js';

const openerScript = fileURLToPath(new URL('./support/open-store-process.ts', import.meta.url));

interface Opener {
  readonly go: () => void;
  readonly exited: Promise<{ code: number; stderr: string }>;
}

async function startOpener(setting: string): Promise<Opener> {
  const child = spawn(process.execPath, ['--import', 'tsx', openerScript, setting], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = once(child, 'exit') as Promise<[number | null]>;
  await once(child.stdout, 'data');

  return {
    go: () => child.stdin.end('go\n'),
    exited: exit.then(([code]) => ({ code: code ?? -1, stderr })),
  };
}

describe('migrations', () => {
  test('bring a new database up when several processes start on it at once', async () => {
    const database = await createTestDatabase();
    try {
      const openers = await Promise.all(
        Array.from({ length: 4 }, () => startOpener(database.setting)),
      );
      for (const opener of openers) opener.go();
      const runs = await Promise.all(openers.map((opener) => opener.exited));

      for (const run of runs) assert.deepEqual(run, { code: 0, stderr: '' });
      const store = await database.open();
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
        store.db,
      );
      await store.close();
      assert.equal(new Set(applied.rows.map((row) => row.name)).size, applied.rows.length);
    } finally {
      await database.drop();
    }
  });

  test('leave nothing of a failed SQLite migration; the next start redoes it', async () => {
    const db = await connectSqlite(':memory:');
    let failHalfway = true;
    const halfway: Migration = {
      up: async (tx) => {
        await tx.schema.createTable('first_half').addColumn('id', 'text').execute();
        if (failHalfway) throw new Error('process died here');
        await tx.schema.createTable('second_half').addColumn('id', 'text').execute();
      },
    };
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '001-halfway': halfway }) },
    });

    const failed = await migrator.migrateToLatest();
    const tablesAfterFailure = await tableNames(db);
    failHalfway = false;
    const retried = await migrator.migrateToLatest();
    const tablesAfterRetry = await tableNames(db);
    await db.destroy();

    assert.ok(failed.error);
    assert.equal(tablesAfterFailure.includes('first_half'), false);
    assert.equal(retried.error, undefined);
    assert.ok(tablesAfterRetry.includes('first_half') && tablesAfterRetry.includes('second_half'));
  });
});

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables();

  return tables.map((table) => table.name);
}
