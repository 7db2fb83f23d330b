// The sync benchmark on PostgreSQL: the same fleets and catalog as on SQLite, in a database
// created for the run and dropped after it, plus a fleet of a million devices. The server is
// DRIVERGRAPH_BENCH_POSTGRES, else DRIVERGRAPH_TEST_POSTGRES, else the local default.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { openStore } from '../src/store/open-store.js';
import type { Benchmark, BenchmarkResult } from './run.js';
import { buildFixture } from './sync-fixture.js';
import { measureSync, syncRow, syncTableHeader } from './sync.js';

const sizes = [10_000, 100_000, 1_000_000];
const models = 60;
const catalogPackages = 20_000;
const server =
  process.env.DRIVERGRAPH_BENCH_POSTGRES ??
  process.env.DRIVERGRAPH_TEST_POSTGRES ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function measureFleet(devices: number): Promise<string> {
  const name = `dg_bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  await admin((client) => client.query(`create database ${name}`));
  try {
    const store = await openStore(url.toString(), tmpdir(), { poolSize: 4 });
    const started = performance.now();
    const fixture = await buildFixture(store, { devices, models, catalogPackages, seed: 7 });
    const buildSeconds = (performance.now() - started) / 1000;
    await store.close();
    const measured = await measureSync(url.toString(), fixture);

    return `| ${syncRow(devices, fixture, measured)} | ${buildSeconds.toFixed(0)} s |`;
  } finally {
    await admin((client) => client.query(`drop database ${name} with (force)`));
  }
}

export const benchmark: Benchmark = {
  name: 'Sync (PostgreSQL)',
  async run(): Promise<BenchmarkResult> {
    try {
      await admin((client) => client.query('select 1'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);

      return { markdown: null, skipped: `no PostgreSQL server at ${server} (${reason})` };
    }

    const rows: string[] = [];
    for (const devices of sizes) {
      rows.push(await measureFleet(devices));
      // The million-device fleet takes long to load; earlier rows are worth seeing meanwhile.
      console.error(rows.at(-1));
    }

    const packageCount = catalogPackages.toLocaleString('en-US');

    return {
      markdown: [
        `Generated fleet: ${models} models, catalog of ${packageCount} ` +
          'packages, PostgreSQL in a fresh database. Median of 3 runs; the ratio is sync time ' +
          'over the time to read the same inputs. The million-device fleet has no target yet.',
        '',
        `${syncTableHeader.split('\n')[0]} load fleet |`,
        `${syncTableHeader.split('\n')[1]}---:|`,
        ...rows,
        '',
      ].join('\n'),
    };
  },
};
