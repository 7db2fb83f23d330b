import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Store } from '../../src/store/store.js';
import { claimJob, requestSync } from '../../src/sync/job-queue.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { SyncPipeline } from '../../src/sync/run-sync.js';
import { startSyncWorker } from '../../src/sync/worker.js';
import type { SyncWorker, SyncWorkerOptions } from '../../src/sync/worker.js';
import {
  jobsOf,
  profileRow,
  seedProfile,
  silentLogger,
  tenantId,
  waitFor,
} from './fixtures/sync-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';

const clock = () => new Date();

let database: TestDatabase;
let store: Store;
let workers: SyncWorker[];

beforeEach(async () => {
  database = await createTestDatabase();
  store = await database.open();
  workers = [];
  for (const id of ['p1', 'p2', 'p3']) await seedProfile(store.db, id);
});

afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await store.close();
  await database.drop();
});

function start(options: Partial<SyncWorkerOptions> = {}): SyncWorker {
  const worker = startSyncWorker({
    store,
    logger: silentLogger,
    clock,
    leaseMs: 500,
    pollMs: 10,
    retryDelayMs: 20,
    ...options,
  });
  workers.push(worker);

  return worker;
}

function request(profileId: string) {
  return requestSync(store.db, { tenantId, profileId, trigger: 'request', now: clock() });
}

async function settled(profileId: string): Promise<boolean> {
  const jobs = await jobsOf(store.db, profileId);

  return (
    jobs.length > 0 && jobs.every((job) => job.state === 'succeeded' || job.state === 'failed')
  );
}

function waitForSignal(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('two workers sharing one SQLite file', () => {
  test('never run one profile twice at once, and share the work', async () => {
    const active = new Set<string>();
    const owners = new Set<string>();
    let overlaps = 0;
    const pipeline: SyncPipeline = async (job, context) => {
      if (active.has(job.profileId)) overlaps += 1;
      active.add(job.profileId);
      owners.add(context.owner);
      await delay(25);
      active.delete(job.profileId);

      return runSync(job, context);
    };
    start({ owner: 'a', pipeline });
    start({ owner: 'b', pipeline });

    for (let round = 0; round < 8; round += 1) {
      for (const id of ['p1', 'p2', 'p3']) await request(id);
      await delay(15);
    }

    for (const id of ['p1', 'p2', 'p3']) await waitFor(`${id} synced`, () => settled(id));
    assert.equal(overlaps, 0);
    assert.deepEqual([...owners].sort(), ['a', 'b']);
    for (const id of ['p1', 'p2', 'p3']) {
      assert.equal((await profileRow(store.db, id)).sync_state, 'success');
    }
  });
});

test('a job whose worker vanished is finished by another once the lease expires', async () => {
  await request('p1');
  const abandoned = await claimJob(store, { owner: 'vanished', leaseMs: 100, now: clock() });
  assert.ok(abandoned);

  start({ owner: 'survivor', leaseMs: 100 });

  await waitFor('the job to finish', () => settled('p1'));
  const [job] = await jobsOf(store.db, 'p1');
  assert.equal(job?.id, abandoned.id);
  assert.equal(job?.state, 'succeeded');
  assert.equal(job?.attempts, 2);
  assert.equal((await profileRow(store.db, 'p1')).sync_state, 'success');
});

test('a failing sync is retried with growing delays, then fails with its reason', async () => {
  const starts: number[] = [];
  start({
    maxAttempts: 3,
    retryDelayMs: 40,
    pipeline: async () => {
      starts.push(Date.now());
      throw new Error('catalog unreadable');
    },
  });
  await request('p1');

  await waitFor('the job to fail', () => settled('p1'));
  const [job] = await jobsOf(store.db, 'p1');
  assert.equal(job?.state, 'failed');
  assert.equal(job?.attempts, 3);
  assert.equal(job?.error, 'catalog unreadable');
  assert.equal((await profileRow(store.db, 'p1')).sync_state, 'failure');
  assert.equal(starts.length, 3);
  assert.ok(starts[1]! - starts[0]! >= 40, `first retry after ${starts[1]! - starts[0]!} ms`);
  assert.ok(starts[2]! - starts[1]! >= 80, `second retry after ${starts[2]! - starts[1]!} ms`);
});

test('a sync that overruns its time limit is aborted and recorded as timed out', async () => {
  let aborted = false;
  start({
    maxAttempts: 1,
    runTimeoutMs: 50,
    pipeline: (_job, { signal }) => {
      signal.addEventListener('abort', () => (aborted = true));

      return waitForSignal(signal);
    },
  });
  await request('p1');

  await waitFor('the job to fail', () => settled('p1'));
  assert.equal((await jobsOf(store.db, 'p1'))[0]?.error, 'sync timed out after 50 ms');
  assert.equal(aborted, true);
});

test('a claim that fails backs off instead of spinning, then recovers', async () => {
  let claims = 0;
  const flaky: Store = {
    ...store,
    transaction: (work) => {
      claims += 1;
      if (claims <= 4) return Promise.reject(new Error('database is locked'));

      return store.transaction(work);
    },
  };
  await request('p1');
  start({ store: flaky, pollMs: 5 });

  await delay(100);
  assert.ok(claims <= 4, `${claims} claims in 100 ms`);
  await waitFor('the job to finish', () => settled('p1'));
});

test('wake starts a fresh request without waiting out the poll interval', async () => {
  const worker = start({ pollMs: 60_000 });
  await delay(30);

  await request('p1');
  worker.wake();

  await waitFor('the job to finish', () => settled('p1'), 2_000);
});

describe('stopping a worker', () => {
  test('waits for the running job to finish', async () => {
    let finished = false;
    const worker = start({
      pipeline: async (job, context) => {
        await delay(150);
        finished = true;

        return runSync(job, context);
      },
    });
    await request('p1');
    await waitFor(
      'the job to start',
      async () => (await jobsOf(store.db, 'p1'))[0]?.state === 'running',
    );

    await worker.stop();
    assert.equal(finished, true);
    assert.equal((await jobsOf(store.db, 'p1'))[0]?.state, 'succeeded');
  });

  test('interrupts a job that outlasts the grace period and gives it back', async () => {
    const worker = start({
      stopGraceMs: 50,
      pipeline: (_job, { signal }) => waitForSignal(signal),
    });
    await request('p1');
    await waitFor(
      'the job to start',
      async () => (await jobsOf(store.db, 'p1'))[0]?.state === 'running',
    );

    await worker.stop();
    const [job] = await jobsOf(store.db, 'p1');
    assert.equal(job?.state, 'queued');
    assert.equal(job?.lease_owner, null);
    assert.equal(job?.attempts, 0);
  });
});
