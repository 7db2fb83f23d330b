// The sync benchmark: a generated fleet (60 hardware models, realistic drift) against a catalog
// of 20,000 packages, synced by the real pipeline. Figures are reported against the time needed
// merely to read the same inputs from the store, measured in the same child process.
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '../src/store/open-store.js';
import type { Benchmark, BenchmarkResult } from './run.js';
import { buildFixture, type Fixture } from './sync-fixture.js';

const run = promisify(execFile);
const sizes = [10_000, 100_000];
const models = 60;
const catalogPackages = 20_000;
const rounds = 5;

interface Measured {
  readonly readMs: number[];
  readonly readCpuMs: number[];
  readonly syncMs: number[];
  readonly syncCpuMs: number[];
  readonly inventoryRows: number;
  readonly maxRssMb: number;
}

export async function measureSync(database: string, fixture: Fixture): Promise<Measured> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/sync-measure.ts',
      database,
      fixture.tenantId,
      fixture.profileId,
      String(rounds),
    ],
    { maxBuffer: 1 << 20 },
  );

  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)]!;
}

export function syncRow(devices: number, fixture: Fixture, measured: Measured): string {
  const read = median(measured.readMs);
  const sync = median(measured.syncMs);
  const readCpu = median(measured.readCpuMs);
  const syncCpu = median(measured.syncCpuMs);

  return [
    devices.toLocaleString('en-US'),
    fixture.configurations.toLocaleString('en-US'),
    fixture.packages.toLocaleString('en-US'),
    measured.inventoryRows.toLocaleString('en-US'),
    `${(read / 1000).toFixed(2)} s`,
    `${(sync / 1000).toFixed(2)} s`,
    (sync / read).toFixed(2),
    `${Math.round(readCpu)} / ${Math.round(syncCpu)} ms`,
    (syncCpu / readCpu).toFixed(2),
    `${Math.round(measured.maxRssMb)} MiB`,
  ].join(' | ');
}

export const syncTableHeader = [
  '| devices | distinct configurations | packages | inventory rows | read inputs | sync | ratio ' +
    '| CPU read / sync | CPU ratio | peak RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
].join('\n');

export const benchmark: Benchmark = {
  name: 'Sync (SQLite)',
  async run(): Promise<BenchmarkResult> {
    const folder = join('.bench', 'sync');
    await mkdir(folder, { recursive: true });
    const rows: string[] = [];

    for (const devices of sizes) {
      const path = join(folder, `fleet-${devices}.sqlite`);
      await rm(path, { force: true });
      await rm(`${path}-wal`, { force: true });
      const store = await openStore(`sqlite:${path}`, folder);
      const fixture = await buildFixture(store, { devices, models, catalogPackages, seed: 7 });
      await store.close();
      rows.push(`| ${syncRow(devices, fixture, await measureSync(`sqlite:${path}`, fixture))} |`);
    }

    const catalogText = catalogPackages.toLocaleString('en-US');

    return {
      markdown: [
        `Generated fleet: ${models} models, catalog of ${catalogText} packages. Medians of ` +
          `${rounds} alternating rounds (read inputs, then a whole sync); the ratio is sync ` +
          'time over the time to read the same inputs, in wall time and in CPU time.',
        '',
        syncTableHeader,
        ...rows,
        '',
      ].join('\n'),
    };
  },
};
