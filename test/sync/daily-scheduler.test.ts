import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { enqueueDueSyncs, startDailyScheduler } from '../../src/sync/daily-scheduler.js';
import { requestSync } from '../../src/sync/job-queue.js';
import { jobsOf, seedProfile, silentLogger, tenantId, waitFor } from './fixtures/sync-fixtures.js';

const day = 24 * 60 * 60_000;
const now = new Date('2026-04-02T12:00:00.000Z');

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(() => store.dispose());

async function requestedAt(profileId: string, at: Date): Promise<void> {
  await requestSync(store.db, { tenantId, profileId, trigger: 'request', now: at });
  await store.db.deleteFrom('sync_jobs').execute();
}

test('profiles not synced for a day, or never, get a daily job; recent ones do not', async () => {
  for (const id of ['old', 'never', 'recent']) await seedProfile(store.db, id);
  await requestedAt('old', new Date(now.getTime() - day - 1));
  await requestedAt('recent', new Date(now.getTime() - day + 60_000));

  const queued = await enqueueDueSyncs(store, { now, intervalMs: day, batchSize: 100 });

  assert.equal(queued, 2);
  for (const id of ['old', 'never']) {
    assert.deepEqual(
      (await jobsOf(store.db, id)).map((job) => [job.state, job.trigger]),
      [['queued', 'daily']],
    );
  }
  assert.deepEqual(await jobsOf(store.db, 'recent'), []);
});

test('every due profile is reached when there are more than one batch of them', async () => {
  for (let i = 0; i < 25; i += 1) await seedProfile(store.db, `p${String(i).padStart(2, '0')}`);

  const queued = await enqueueDueSyncs(store, { now, intervalMs: day, batchSize: 4 });

  const jobs = await store.db.selectFrom('sync_jobs').select('profile_id').execute();
  assert.equal(queued, 25);
  assert.equal(new Set(jobs.map((job) => job.profile_id)).size, 25);
});

test('a check right after another queues nothing new', async () => {
  await seedProfile(store.db, 'p1');

  await enqueueDueSyncs(store, { now, intervalMs: day, batchSize: 10 });
  const again = await enqueueDueSyncs(store, { now, intervalMs: day, batchSize: 10 });

  assert.equal(again, 0);
});

test('the scheduler checks at start and tells the worker when it queued jobs', async () => {
  await seedProfile(store.db, 'p1');
  let told = 0;

  const scheduler = startDailyScheduler({
    store,
    logger: silentLogger,
    clock: () => now,
    checkEveryMs: 60_000,
    onQueued: () => (told += 1),
  });
  await waitFor('the first check', () => told === 1);
  await scheduler.stop();

  assert.equal((await jobsOf(store.db, 'p1')).length, 1);
});
