import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';

import { applyQueryOptions, countQuery, takePage } from './apply-query-options.js';
import { buildNextLink } from './next-link.js';
import { parseQueryOptions, type RawQuery } from './parse-query-options.js';
import { driverSpec } from './test-entity-spec.js';

interface DriverRow {
  id: string;
  name: string;
  version: string | null;
  manufacturer: string | null;
  release_at: string;
  device_count: number;
  approval_status: string;
  category: string;
  is_optional: number;
  sync_state: string;
  last_sync_at: string | null;
}

interface Tables {
  drivers: DriverRow;
}

const id = (n: number): string => `0000000a-0000-0000-0000-00000000000${n}`;

// prettier-ignore
const rows: DriverRow[] = [
  row(1, 'Intel Ethernet', '1.2', 'Intel', '2026-01-10T00:00:00.000Z', 5,
    'needsReview', 'recommended', 0, 'success', '2026-02-01T00:00:00.000Z'),
  row(2, 'intel wireless', null, 'Intel', '2025-06-01T00:00:00.000Z', 0,
    'approved', 'other', 1, 'pending', null),
  row(3, 'Realtek Audio 100%', '6.0', 'Realtek', '2026-03-01T12:30:00.000Z', 12,
    'declined', 'other', 0, 'failure', null),
  row(4, "O'Brien_driver", '2.0', null, '2024-12-31T23:59:59.999Z', 3,
    'suspended', 'previouslyApproved', 1, 'success', '2026-01-01T00:00:00.000Z'),
  row(5, 'AMD Chipset', '3.1', 'AMD', '2026-01-10T00:00:00.000Z', 5,
    'approved', 'recommended', 0, 'success', '2026-01-05T00:00:00.000Z'),
  row(6, 'Zeta', null, null, '2023-01-01T00:00:00.000Z', 1,
    'needsReview', 'other', 0, 'pending', null),
];

function row(n: number, ...values: unknown[]): DriverRow {
  const keys = [
    'name',
    'version',
    'manufacturer',
    'release_at',
    'device_count',
    'approval_status',
    'category',
    'is_optional',
    'sync_state',
    'last_sync_at',
  ];

  return Object.fromEntries([['id', id(n)], ...keys.map((k, i) => [k, values[i]])]) as DriverRow;
}

const filterCases: readonly (readonly [string, readonly number[]])[] = [
  ["name eq 'intel ethernet'", [1]],
  ["startswith(name,'INTEL')", [1, 2]],
  ["contains(name,'100%')", [3]],
  ["contains(name,'%')", [3]],
  ["contains(name,'_')", [4]],
  ["endswith(name,'n_driver')", [4]],
  ["contains(name,'''')", [4]],
  ['manufacturer eq null', [4, 6]],
  ['manufacturer ne null', [1, 2, 3, 5]],
  ["manufacturer ne 'intel'", [3, 4, 5, 6]],
  ["not (manufacturer eq 'Intel')", [3, 4, 5, 6]],
  ["not startswith(manufacturer,'I')", [3, 4, 5, 6]],
  ['applicableDeviceCount gt 3 and applicableDeviceCount le 5', [1, 5]],
  ['5 lt applicableDeviceCount', [3]],
  ['releaseDateTime ge 2026-01-01T00:00:00Z', [1, 3, 5]],
  ["releaseDateTime lt '2025-01-01T00:59:59.999+01:00'", [6]],
  ["releaseDateTime le '2025-01-01T00:59:59.999+01:00'", [4, 6]],
  ['releaseDateTime eq 2026-01-10T01:00:00+01:00', [1, 5]],
  ["approvalStatus in ('approved', 'suspended')", [2, 4, 5]],
  ["approvalStatus eq 'Approved'", [2, 5]],
  ['isOptional eq true', [2, 4]],
  ['isOptional', [2, 4]],
  ['not isOptional', [1, 3, 5, 6]],
  ["syncStatus/state eq 'pending'", [2, 6]],
  ['syncStatus/lastSync eq null', [2, 3, 6]],
  ['syncStatus/lastSync lt 2026-01-02T00:00:00Z', [4]],
  ['not (syncStatus/lastSync lt 2026-01-02T00:00:00Z)', [1, 2, 3, 5, 6]],
  ['id eq 0000000A-0000-0000-0000-000000000003', [3]],
  [`id in ('${id(1)}', '${id(2).toUpperCase()}')`, [1, 2]],
  ["version in ('1.2', null)", [1, 2, 6]],
  ["(manufacturer eq 'AMD' or manufacturer eq 'Realtek') and category eq 'other'", [3]],
  ["manufacturer eq 'AMD' or manufacturer eq 'Realtek' and category eq 'other'", [3, 5]],
  ["name gt 'm'", [3, 4, 6]],
  ["startswith(name,'intel') eq false", [3, 4, 5, 6]],
  ['true', [1, 2, 3, 4, 5, 6]],
  ['false', []],
  ["name eq ''' or 1=1 --'", []],
  ["name eq '; drop table drivers;--'", []],
];

function suite(
  name: string,
  open: () => Promise<{ db: Kysely<Tables>; close: () => Promise<void> }>,
) {
  describe(name, () => {
    let db: Kysely<Tables>;
    let close: () => Promise<void>;

    before(async () => {
      ({ db, close } = await open());
      await db.insertInto('drivers').values(rows).execute();
    });
    after(async () => close());

    async function list(query: RawQuery) {
      const options = parseQueryOptions(query, driverSpec, 'collection');
      const base = db.selectFrom('drivers').selectAll();
      const found = await applyQueryOptions(base, options, driverSpec).execute();

      return { options, ...takePage(found, options.page) };
    }

    async function ids(query: RawQuery): Promise<number[]> {
      const { rows: page } = await list(query);

      return page.map((found) => Number(found.id.slice(-1)));
    }

    for (const [filter, expected] of filterCases) {
      test(`filters ${filter}`, async () => {
        assert.deepEqual(await ids({ $filter: filter }), expected);
      });
    }

    test('leaves the table intact after injection attempts', async () => {
      const { count } = await db
        .selectFrom('drivers')
        .select(sql<number>`count(*)`.as('count'))
        .executeTakeFirstOrThrow();

      assert.equal(Number(count), rows.length);
    });

    test('orders by several keys with nulls first ascending and the key as tiebreak', async () => {
      assert.deepEqual(await ids({ $orderby: 'manufacturer desc' }), [3, 1, 2, 5, 4, 6]);
      assert.deepEqual(await ids({ $orderby: 'manufacturer' }), [4, 6, 5, 1, 2, 3]);
      assert.deepEqual(
        await ids({ $orderby: 'applicableDeviceCount, name desc' }),
        [2, 6, 4, 1, 5, 3],
      );
      assert.deepEqual(await ids({ $orderby: 'name' }), [5, 1, 2, 4, 3, 6]);
      assert.deepEqual(await ids({ $orderby: 'id desc' }), [6, 5, 4, 3, 2, 1]);
    });

    test('searches the searchable columns as literal substrings', async () => {
      assert.deepEqual(await ids({ $search: '"INTEL"' }), [1, 2]);
      assert.deepEqual(await ids({ $search: '100%' }), [3]);
      assert.deepEqual(await ids({ $search: 'realtek', $filter: "version eq '6.0'" }), [3]);
    });

    test('pages through next links until the last page', async () => {
      let url: string | null = 'https://graph.example/beta/drivers?$filter=id%20ne%20null&$top=2';
      const pages: number[][] = [];
      while (url !== null) {
        const query = Object.fromEntries(new URL(url).searchParams);
        const { options, rows: page, nextOffset } = await list(query);
        pages.push(page.map((found) => Number(found.id.slice(-1))));
        url = nextOffset === null ? null : buildNextLink(url, options, nextOffset);
      }

      assert.deepEqual(pages, [
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
    });

    test('honours $skip, $top=0 and the default page size', async () => {
      assert.deepEqual(await ids({ $skip: '4' }), [5, 6]);
      assert.deepEqual((await list({ $top: '0' })).nextOffset, null);
      assert.deepEqual(await ids({ $top: '0' }), []);
      assert.deepEqual((await list({})).nextOffset, null);
    });

    test('counts with the same filter and search', async () => {
      const options = parseQueryOptions(
        { $filter: "manufacturer ne 'AMD'", $search: 'intel', $top: '1' },
        driverSpec,
        'collection',
      );
      const found = await countQuery(
        db.selectFrom('drivers'),
        options,
        driverSpec,
      ).executeTakeFirstOrThrow();

      assert.equal(Number(found.count), 2);
    });
  });
}

suite('OData query options on SQLite', async () => {
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  await sql`create table drivers (
    id text primary key, name text not null, version text, manufacturer text,
    release_at text not null, device_count integer not null, approval_status text not null,
    category text not null, is_optional integer not null, sync_state text not null,
    last_sync_at text)`.execute(db);

  return { db, close: () => db.destroy() };
});

const postgresUrl = process.env.DRIVERGRAPH_TEST_POSTGRES;
if (postgresUrl) {
  // Text columns use the "C" collation so strings order by code point, as on SQLite.
  suite('OData query options on PostgreSQL', async () => {
    const schema = `odata_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const pool = new pg.Pool({
      connectionString: postgresUrl,
      options: `-c search_path=${schema}`,
      max: 2,
    });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    await sql`create table drivers (
      id text collate "C" primary key, name text collate "C" not null,
      version text collate "C", manufacturer text collate "C",
      release_at text collate "C" not null, device_count integer not null,
      approval_status text collate "C" not null, category text collate "C" not null,
      is_optional integer not null, sync_state text collate "C" not null,
      last_sync_at text collate "C")`.execute(db);

    const close = async (): Promise<void> => {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    };

    return { db, close };
  });
} else {
  test(
    'OData query options on PostgreSQL',
    { skip: 'DRIVERGRAPH_TEST_POSTGRES is not set' },
    () => {},
  );
}
