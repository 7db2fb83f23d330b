import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { claimJob, requestSync } from '../../src/sync/job-queue.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { SyncJob } from '../../src/sync/sync-job.js';
import { jobsOf, profileRow, seedProfile, tenantId } from './fixtures/sync-fixtures.js';

const now = new Date('2026-04-01T10:00:00.000Z');
const later = new Date('2026-04-01T10:00:05.000Z');
const leaseMs = 30_000;

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
  await seedProfile(store.db, 'p1');
});

afterEach(() => store.dispose());

async function claimed(): Promise<SyncJob> {
  await requestSync(store.db, { tenantId, profileId: 'p1', trigger: 'request', now });
  const job = await claimJob(store, { owner: 'w1', leaseMs, now });
  assert.ok(job);

  return job;
}

function run(job: SyncJob, owner = 'w1', signal = new AbortController().signal) {
  return runSync(job, { store, owner, leaseMs, clock: () => later, signal });
}

async function seedStaleState(): Promise<void> {
  await store.db
    .insertInto('inventory')
    .values({
      tenant_id: tenantId,
      profile_id: 'p1',
      driver_id: 'stale',
      name: 'Contoso - Net - 1.0',
      version: '1.0.0.0',
      manufacturer: 'Contoso',
      release_at: '2025-01-01T00:00:00.000Z',
      driver_class: 'Networking',
      applicable_device_count: 4,
      category: 'recommended',
    })
    .execute();
  await store.db
    .insertInto('decisions')
    .values({
      tenant_id: tenantId,
      profile_id: 'p1',
      driver_id: 'stale',
      approval_status: 'approved',
      deploy_at: '2025-02-01T00:00:00.000Z',
      first_seen_at: '2025-01-10T00:00:00.000Z',
      decided_at: '2025-01-11T00:00:00.000Z',
      ever_recommended: 1,
    })
    .execute();
  await store.db.updateTable('profiles').set({ new_updates: 2, device_reporting: 4 }).execute();
}

async function inventoryIds(): Promise<string[]> {
  const rows = await store.db.selectFrom('inventory').select('driver_id').execute();

  return rows.map((row) => row.driver_id);
}

describe('a sync of a profile whose devices need nothing', () => {
  test('replaces the old list, keeps decisions and reports success', async () => {
    await seedStaleState();

    assert.equal(await run(await claimed()), 'succeeded');
    const profile = await profileRow(store.db, 'p1');
    const decisions = await store.db.selectFrom('decisions').selectAll().execute();
    assert.deepEqual(await inventoryIds(), []);
    assert.deepEqual(
      decisions.map((row) => [row.driver_id, row.approval_status, row.deploy_at]),
      [['stale', 'approved', '2025-02-01T00:00:00.000Z']],
    );
    assert.equal(profile.sync_state, 'success');
    assert.equal(profile.last_successful_sync_at, later.toISOString());
    assert.equal(profile.new_updates, 0);
    assert.equal(profile.device_reporting, 0);
    assert.equal((await jobsOf(store.db, 'p1'))[0]?.state, 'succeeded');
  });

  test('leaves the profile pending when another request arrived meanwhile', async () => {
    const job = await claimed();
    await requestSync(store.db, { tenantId, profileId: 'p1', trigger: 'request', now });

    assert.equal(await run(job), 'succeeded');
    const profile = await profileRow(store.db, 'p1');
    assert.equal(profile.sync_state, 'pending');
    assert.equal(profile.last_successful_sync_at, later.toISOString());
  });
});

test('a job for a deleted profile completes quietly', async () => {
  const job = await claimed();
  await store.db.deleteFrom('profiles').execute();

  assert.equal(await run(job), 'profileDeleted');
  assert.equal((await jobsOf(store.db, 'p1'))[0]?.state, 'succeeded');
});

test('a worker that lost its lease commits nothing', async () => {
  await seedStaleState();
  const job = await claimed();

  assert.equal(await run(job, 'someone-else'), 'leaseLost');
  assert.deepEqual(await inventoryIds(), ['stale']);
  assert.equal((await profileRow(store.db, 'p1')).sync_state, 'pending');
});

test('an aborted run stops before it commits', async () => {
  await seedStaleState();
  const job = await claimed();
  const controller = new AbortController();
  controller.abort(new Error('sync timed out'));

  await assert.rejects(run(job, 'w1', controller.signal), /sync timed out/);
  assert.deepEqual(await inventoryIds(), ['stale']);
  assert.equal((await jobsOf(store.db, 'p1'))[0]?.state, 'running');
});
