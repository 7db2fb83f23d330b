// The backend the store and Graph suites run on. DRIVERGRAPH_TEST_DATABASE unset means SQLite;
// a postgres:// URL means PostgreSQL, where every store a test opens gets a database of its
// own (created fresh, dropped afterwards), so suites never see each other's rows.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSqliteStore } from '../../src/store/open-sqlite.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export const testPostgresUrl: string | null = process.env.DRIVERGRAPH_TEST_DATABASE || null;
export const testBackend: 'sqlite' | 'postgres' = testPostgresUrl ? 'postgres' : 'sqlite';
export const postgresSkipReason =
  'PostgreSQL only: set DRIVERGRAPH_TEST_POSTGRES=postgres://... for npm test to run it';

export interface TestDatabase {
  /** What `--database` takes: `sqlite:FILE`, or the URL of a fresh PostgreSQL database. */
  readonly setting: string;
  /** Opens another store on this database, as a second process would. */
  open(): Promise<Store>;
  /** Removes the database; stores opened on it must be closed first. */
  drop(): Promise<void>;
}

export interface TestStore extends Store {
  /** Closes the store and removes its database. */
  dispose(): Promise<void>;
}

const testPoolSize = 4;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testPostgresUrl) return createPostgresDatabase(testPostgresUrl);

  const folder = await mkdtemp(join(tmpdir(), 'drivergraph-store-'));
  const setting = `sqlite:${join(folder, 'drivergraph.sqlite')}`;

  return {
    setting,
    open: () => openStore(setting, folder),
    drop: () => rm(folder, { recursive: true, force: true }),
  };
}

/** A store on a database nobody else uses: in memory on SQLite, a new database on PostgreSQL. */
export async function openTestStore(): Promise<TestStore> {
  if (!testPostgresUrl) {
    const store = await openSqliteStore(':memory:');

    return { ...store, dispose: () => store.close() };
  }

  const database = await createPostgresDatabase(testPostgresUrl);
  const store = await database.open();

  return {
    ...store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `dg_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const setting = url.toString();
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));

  return {
    setting,
    open: () => openStore(setting, tmpdir(), { poolSize: testPoolSize }),
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`drop database ${name} with (force)`)),
  };
}

async function withAdmin(url: string, work: (admin: pg.Client) => Promise<unknown>) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
