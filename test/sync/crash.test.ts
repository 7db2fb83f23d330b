import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startSyncWorker } from '../../src/sync/worker.js';
import {
  jobsOf,
  profileRow,
  seedProfile,
  silentLogger,
  tenantId,
  waitFor,
} from './fixtures/sync-fixtures.js';
import { createTestDatabase } from '../support/test-store.js';

const blockingWorker = fileURLToPath(new URL('./fixtures/blocking-worker.ts', import.meta.url));

test('a job whose worker process was killed mid-run is finished by a new worker', async () => {
  const database = await createTestDatabase();
  const setup = await database.open();
  await seedProfile(setup.db, 'p1');
  await setup.db
    .insertInto('decisions')
    .values({
      tenant_id: tenantId,
      profile_id: 'p1',
      driver_id: 'kept',
      approval_status: 'approved',
      deploy_at: '2026-01-02T00:00:00.000Z',
      first_seen_at: '2026-01-01T00:00:00.000Z',
      decided_at: '2026-01-01T08:00:00.000Z',
      ever_recommended: 1,
    })
    .execute();
  await setup.close();

  const args = ['--import', 'tsx', blockingWorker, database.setting, 'p1', '300'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await waitFor('the child to start the job', () => output.includes('running'), 20_000);
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;

  const store = await database.open();
  const [interrupted] = await jobsOf(store.db, 'p1');
  const worker = startSyncWorker({
    store,
    logger: silentLogger,
    clock: () => new Date(),
    owner: 'survivor',
    leaseMs: 300,
    pollMs: 20,
  });
  try {
    assert.equal(interrupted?.state, 'running');
    assert.equal(interrupted?.lease_owner, 'doomed');

    await waitFor('the job to finish', async () => {
      return (await jobsOf(store.db, 'p1'))[0]?.state === 'succeeded';
    });
    const [job] = await jobsOf(store.db, 'p1');
    const decisions = await store.db.selectFrom('decisions').selectAll().execute();
    assert.equal(job?.id, interrupted?.id);
    assert.equal(job?.attempts, 2);
    assert.equal((await profileRow(store.db, 'p1')).sync_state, 'success');
    assert.deepEqual(
      decisions.map((row) => [row.driver_id, row.approval_status, row.deploy_at]),
      [['kept', 'approved', '2026-01-02T00:00:00.000Z']],
    );
  } finally {
    await worker.stop();
    await store.close();
    await database.drop();
  }
});
