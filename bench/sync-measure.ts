// Child process of the sync benchmark: opens a prepared store, times reading a sync's inputs
// (the baseline) and then whole syncs, and prints one JSON line. Running apart keeps the
// fixture's build out of the peak RSS it reports.
import { openStore } from '../src/store/open-store.js';
import { loadSyncInputs } from '../src/sync/load-inputs.js';
import { requestSync } from '../src/sync/job-queue.js';
import { claimJob } from '../src/sync/job-queue.js';
import { runSync } from '../src/sync/run-sync.js';

const [database, tenantId, profileId, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const store = await openStore(database!, '.');
const leaseMs = 10 * 60_000;

const readMs: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  await loadSyncInputs(store.db, tenantId!, profileId!);
  readMs.push(performance.now() - start);
}

const syncMs: number[] = [];
for (let run = 0; run < runs; run += 1) {
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
  const start = performance.now();
  const outcome = await runSync(job, {
    store,
    owner: 'bench',
    leaseMs,
    clock: () => new Date(),
    signal: new AbortController().signal,
  });
  syncMs.push(performance.now() - start);
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
    syncMs,
    inventoryRows: Number(inventory.rows),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
