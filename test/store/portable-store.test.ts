// What the store promises on either backend: the schema comes up complete, text orders and
// compares byte by byte (PostgreSQL's "C" collation, SQLite's default), and large reads stream.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestStore, testBackend, type TestStore } from '../support/test-store.js';

const tenantId = '33333333-3333-4333-8333-333333333333';

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(() => store.dispose());

async function addProfiles(names: readonly string[]): Promise<void> {
  await store.db
    .insertInto('profiles')
    .values(
      names.map((name, i) => ({
        tenant_id: tenantId,
        id: `p-${String(i).padStart(4, '0')}`,
        display_name: name,
        description: null,
        approval_type: 'manual',
        deployment_deferral_in_days: null,
        role_scope_tag_ids: '["0"]',
        created_at: '2026-01-01T00:00:00.000Z',
        last_modified_at: '2026-01-01T00:00:00.000Z',
        sync_state: 'success',
        last_successful_sync_at: null,
        last_sync_requested_at: null,
        device_reporting: 0,
        new_updates: 0,
      })),
    )
    .execute();
}

describe(`the store on ${testBackend}`, () => {
  test('orders text by code point: capitals before small letters, ASCII first', async () => {
    await addProfiles(['beta', 'Zulu', 'alpha', 'Éclair', '_under', 'Alpha']);

    const rows = await store.db
      .selectFrom('profiles')
      .select('display_name')
      .orderBy('display_name')
      .execute();

    assert.deepEqual(
      rows.map((row) => row.display_name),
      ['Alpha', 'Zulu', '_under', 'alpha', 'beta', 'Éclair'],
    );
  });

  test('compares text ranges byte by byte', async () => {
    await addProfiles(['a', 'B', 'b', 'Z']);

    const rows = await store.db
      .selectFrom('profiles')
      .select('display_name')
      .where('display_name', '>', 'Z')
      .orderBy('display_name')
      .execute();

    assert.deepEqual(
      rows.map((row) => row.display_name),
      ['a', 'b'],
    );
  });

  test('streams a large read in chunks and yields every row once', async () => {
    await addProfiles(Array.from({ length: 1200 }, (_, i) => `profile ${i}`));

    const seen = new Set<string>();
    for await (const row of store.db
      .selectFrom('profiles')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .stream(100)) {
      seen.add(row.id);
    }

    assert.equal(seen.size, 1200);
  });

  test('counts come back as numbers once passed through Number()', async () => {
    await addProfiles(['one', 'two', 'three']);

    const { count } = await store.db
      .selectFrom('profiles')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();

    assert.equal(Number(count), 3);
  });
});
