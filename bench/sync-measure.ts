// Child process of the sync benchmark: opens a prepared store and, round after round, times
// reading a sync's inputs (the baseline) and then a whole sync, and prints one JSON line.
// Alternating the two keeps a shared machine's changing load from favouring either; CPU time
// is reported beside wall time because it is far steadier there. Running apart keeps the
// fixture's build out of the peak RSS it reports.
import { openStore } from '../src/store/open-store.js';
import { claimJob, requestSync } from '../src/sync/job-queue.js';
import { loadSyncInputs } from '../src/sync/load-inputs.js';
import { runSync } from '../src/sync/run-sync.js';

const [database, tenantId, profileId, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText ?? 5);
const store = await openStore(database!, '.');
const leaseMs = 10 * 60_000;

const readMs: number[] = [];
const readCpuMs: number[] = [];
const syncMs: number[] = [];
const syncCpuMs: number[] = [];

async function timed<T>(work: () => Promise<T>, wall: number[], cpu: number[]): Promise<T> {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  wall.push(performance.now() - start);
  const used = process.cpuUsage(startCpu);
  cpu.push((used.user + used.system) / 1000);

  return result;
}

for (let round = 0; round < rounds; round += 1) {
  await timed(() => loadSyncInputs(store.db, tenantId!, profileId!), readMs, readCpuMs);

  await store.transaction((tx) =>
    requestSync(tx, {
      tenantId: tenantId!,
      profileId: profileId!,
      trigger: 'request',
      now: new Date(),
    }),
  );
  const job = await claimJob(store, { owner: 'bench', leaseMs, now: new Date() });
  if (!job) throw new Error('no job to claim');
  const outcome = await timed(
    () =>
      runSync(job, {
        store,
        owner: 'bench',
        leaseMs,
        clock: () => new Date(),
        signal: new AbortController().signal,
      }),
    syncMs,
    syncCpuMs,
  );
  if (outcome !== 'succeeded') throw new Error(`sync ended ${outcome}`);
}

const inventory = await store.db
  .selectFrom('inventory')
  .select(({ fn }) => fn.countAll<number>().as('rows'))
  .where('tenant_id', '=', tenantId!)
  .executeTakeFirstOrThrow();
await store.close();

console.log(
  JSON.stringify({
    readMs,
    readCpuMs,
    syncMs,
    syncCpuMs,
    inventoryRows: Number(inventory.rows),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
