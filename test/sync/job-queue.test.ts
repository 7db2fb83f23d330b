import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { claimJob, requestSync } from '../../src/sync/job-queue.js';
import { completeJob, failJob, heartbeat, releaseJob } from '../../src/sync/job-lease.js';
import type { SyncJob } from '../../src/sync/sync-job.js';
import { jobsOf, profileRow, seedProfile, tenantId } from './fixtures/sync-fixtures.js';

const t0 = new Date('2026-04-01T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const leaseMs = 30_000;

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
  await seedProfile(store.db, 'p1');
  await seedProfile(store.db, 'p2');
});

afterEach(() => store.dispose());

function request(profileId: string, now: Date) {
  return requestSync(store.db, { tenantId, profileId, trigger: 'request', now });
}

async function claim(owner: string, now: Date, maxAttempts?: number): Promise<SyncJob | null> {
  return claimJob(store, { owner, leaseMs, now, ...(maxAttempts ? { maxAttempts } : {}) });
}

async function claimOrThrow(owner: string, now: Date): Promise<SyncJob> {
  const job = await claim(owner, now);
  assert.ok(job, 'expected a job to claim');

  return job;
}

describe('requesting a sync', () => {
  test('many requests for one profile leave a single queued job', async () => {
    for (let i = 0; i < 5; i += 1) await request('p1', at(i));

    const jobs = await jobsOf(store.db, 'p1');
    assert.deepEqual(
      jobs.map((job) => [job.state, job.trigger]),
      [['queued', 'request']],
    );
  });

  test('marks the profile pending and records when it was asked', async () => {
    await request('p1', at(3));

    const profile = await profileRow(store.db, 'p1');
    assert.equal(profile.sync_state, 'pending');
    assert.equal(profile.last_sync_requested_at, at(3).toISOString());
  });

  test('while a job runs, requests queue at most one more', async () => {
    await request('p1', at(0));
    await claimOrThrow('w1', at(1));
    await request('p1', at(2));
    await request('p1', at(3));

    const jobs = await jobsOf(store.db, 'p1');
    assert.deepEqual(jobs.map((job) => job.state).sort(), ['queued', 'running']);
  });

  test('joins the caller transaction and rolls back with it', async () => {
    await assert.rejects(
      store.transaction(async (tx) => {
        await requestSync(tx, { tenantId, profileId: 'p1', trigger: 'request', now: t0 });
        throw new Error('caller gave up');
      }),
    );

    assert.deepEqual(await jobsOf(store.db, 'p1'), []);
    assert.equal((await profileRow(store.db, 'p1')).sync_state, 'success');
  });
});

describe('claiming a job', () => {
  test('takes the oldest due job and leases it to the claimer', async () => {
    await request('p2', at(0));
    await request('p1', at(1));

    const job = await claimOrThrow('w1', at(5));
    const [row] = await jobsOf(store.db, 'p2');
    assert.equal(job.profileId, 'p2');
    assert.equal(job.attempts, 1);
    assert.equal(row?.state, 'running');
    assert.equal(row?.lease_owner, 'w1');
    assert.equal(row?.lease_expires_at, at(35).toISOString());
  });

  test('finds nothing when no job is due', async () => {
    assert.equal(await claim('w1', t0), null);
  });

  test('never hands out a second job for a profile that has one running', async () => {
    await request('p1', at(0));
    await claimOrThrow('w1', at(1));
    await request('p1', at(2));

    assert.equal(await claim('w2', at(3)), null);
  });

  test('puts a job whose lease expired back in the queue for another worker', async () => {
    await request('p1', at(0));
    const first = await claimOrThrow('w1', at(1));

    assert.equal(await claim('w2', at(30)), null);
    const second = await claimOrThrow('w2', at(32));
    assert.equal(second.id, first.id);
    assert.equal(second.attempts, 2);
    assert.equal(await completeJob(store.db, first, 'w1', at(33)), false);
  });

  test('gives up an expired job when a newer one is already queued', async () => {
    await request('p1', at(0));
    const first = await claimOrThrow('w1', at(1));
    await request('p1', at(2));

    const second = await claimOrThrow('w2', at(40));
    const expired = (await jobsOf(store.db, 'p1')).find((job) => job.id === first.id);
    assert.notEqual(second.id, first.id);
    assert.equal(expired?.state, 'failed');
    assert.equal(expired?.error, 'lease expired; superseded');
  });

  test('fails a job whose lease expired on every allowed attempt', async () => {
    await request('p1', at(0));
    await claimOrThrow('w1', at(1));
    await claim('w2', at(40), 2);

    assert.equal(await claim('w3', at(80), 2), null);
    const [row] = await jobsOf(store.db, 'p1');
    assert.equal(row?.state, 'failed');
    assert.equal(row?.error, 'lease expired on each of 2 attempts');
    assert.equal((await profileRow(store.db, 'p1')).sync_state, 'failure');
  });
});

describe('holding a lease', () => {
  test('heartbeats extend the lease only while the claimer holds it', async () => {
    await request('p1', at(0));
    const job = await claimOrThrow('w1', at(1));

    assert.equal(await heartbeat(store.db, job, 'w1', leaseMs, at(20)), true);
    assert.equal(await claim('w2', at(40)), null);
    assert.equal(await heartbeat(store.db, job, 'w2', leaseMs, at(41)), false);
  });

  test('completing marks the job succeeded and frees the lease', async () => {
    await request('p1', at(0));
    const job = await claimOrThrow('w1', at(1));

    assert.equal(await completeJob(store.db, job, 'w2', at(2)), false);
    assert.equal(await completeJob(store.db, job, 'w1', at(2)), true);
    const [row] = await jobsOf(store.db, 'p1');
    assert.equal(row?.state, 'succeeded');
    assert.equal(row?.lease_owner, null);
  });
});

describe('failing a job', () => {
  const failure = (now: Date) => ({
    error: 'catalog unreadable',
    now,
    maxAttempts: 3,
    retryDelayMs: 10_000,
  });

  test('queues it again after a delay that doubles with each attempt', async () => {
    await request('p1', at(0));

    const first = await failJob(store, await claimOrThrow('w1', at(0)), 'w1', failure(at(0)));
    assert.deepEqual(first, { kind: 'retrying', runAfter: at(10).toISOString() });
    assert.equal(await claim('w1', at(9)), null);

    const second = await failJob(store, await claimOrThrow('w1', at(10)), 'w1', failure(at(10)));
    assert.deepEqual(second, { kind: 'retrying', runAfter: at(30).toISOString() });
  });

  test('after the last attempt keeps the reason and marks the profile failed', async () => {
    await request('p1', at(0));
    for (const second of [0, 10, 30]) {
      await failJob(store, await claimOrThrow('w1', at(second)), 'w1', failure(at(second)));
    }

    const [row] = await jobsOf(store.db, 'p1');
    assert.equal(row?.state, 'failed');
    assert.equal(row?.attempts, 3);
    assert.equal(row?.error, 'catalog unreadable');
    assert.equal((await profileRow(store.db, 'p1')).sync_state, 'failure');
  });

  test('leaves the work to a newer queued job and the profile pending', async () => {
    await request('p1', at(0));
    const job = await claimOrThrow('w1', at(0));
    await request('p1', at(1));

    assert.deepEqual(await failJob(store, job, 'w1', failure(at(2))), { kind: 'superseded' });
    assert.equal((await profileRow(store.db, 'p1')).sync_state, 'pending');
  });

  test('changes nothing once the lease is lost', async () => {
    await request('p1', at(0));
    const job = await claimOrThrow('w1', at(0));
    await claimOrThrow('w2', at(31));

    assert.deepEqual(await failJob(store, job, 'w1', failure(at(32))), { kind: 'leaseLost' });
    assert.equal((await jobsOf(store.db, 'p1'))[0]?.lease_owner, 'w2');
  });
});

test('a released job returns to the queue without using up an attempt', async () => {
  await request('p1', at(0));
  const job = await claimOrThrow('w1', at(1));

  assert.equal(await releaseJob(store, job, 'w1', at(2)), true);
  const again = await claimOrThrow('w2', at(3));
  assert.equal(again.id, job.id);
  assert.equal(again.attempts, 1);
});
