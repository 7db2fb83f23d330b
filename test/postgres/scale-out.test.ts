// Two API processes and two worker processes of the real CLI on one PostgreSQL database: every
// profile gets synced, no profile ever runs twice at once, and a worker killed mid-run loses
// nothing, because its job is finished by the other one.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../src/identity/index.js';
import type { Store } from '../../src/store/store.js';
import { call, profilesPath } from '../graph/support/graph-fixtures.js';
import { tenantA } from '../support/service.js';
import {
  createTestDatabase,
  postgresSkipReason,
  testBackend,
  type TestDatabase,
} from '../support/test-store.js';
import { startApiProcess, startCli, type CliProcess } from './support/cli-process.js';
import { waitUntil } from './support/wait-until.js';

const skip = testBackend === 'postgres' ? false : postgresSkipReason;
const publicUrl = 'http://drivergraph.scale-out.test';
const profileCount = 20;
const syncRequests = 200;
const timeout = { timeout: 90_000 };

let database: TestDatabase;
let store: Store;
let dataDir: string;
let token: string;
let apis: { process: CliProcess; url: string }[] = [];
let workers: CliProcess[] = [];
let profileIds: string[] = [];

describe('two API processes and two workers on one PostgreSQL database', { skip }, () => {
  before(async () => {
    database = await createTestDatabase();
    store = await database.open();
    dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-scale-'));
    const ring = await loadOrCreateSigningKeys(dataDir);
    token = await mintToken(ring, {
      publicUrl,
      tenantId: tenantA,
      scopes: [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL],
      lifetimeSeconds: 3600,
      now: new Date(),
    });

    const shared = ['--database', database.setting, '--data', dataDir];
    // Intune's write limits (200 a tenant per 20 s) would refuse a burst this size; raised ones
    // keep the shared counters counting without refusing the test's own requests.
    const limits = ['--throttle-tenant-writes', '1000', '--throttle-app-writes', '1000'];
    const apiArgs = [...shared, ...limits, '--no-worker', '--public-url', publicUrl];
    const workerArgs = [...shared, '--concurrency', '2', '--lease', '2s', '--poll', '50ms'];
    apis = await Promise.all([
      startApiProcess('api-1', apiArgs),
      startApiProcess('api-2', apiArgs),
    ]);
    workers = [startCli('worker-1', ['worker', ...workerArgs])];
    workers.push(startCli('worker-2', ['worker', ...workerArgs]));
    await Promise.all(workers.map((w) => w.waitForLog((line) => line.msg === 'workers started')));

    profileIds = [];
    for (let i = 0; i < profileCount; i += 1) {
      const created = await api(i, 'POST', profilesPath, {
        displayName: `Scale-out ${i}`,
        approvalType: i % 2 === 0 ? 'manual' : 'automatic',
      });
      assert.equal(created.status, 201, created.text);
      const id = String(created.json?.id);
      const target = { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' };
      const assigned = await api(i + 1, 'POST', `${profilesPath}/${id}/assign`, {
        assignments: [{ target }],
      });
      assert.equal(assigned.status, 204, assigned.text);
      profileIds.push(id);
    }
  });

  after(async () => {
    await Promise.all([...apis.map((a) => a.process.stop()), ...workers.map((w) => w.stop())]);
    await store?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test(
    '200 sync requests over 20 profiles sync every profile, one run at a time',
    timeout,
    async () => {
      const sampler = sampleConcurrentRuns(store);
      const statuses: number[] = [];
      await inParallel(syncRequests, 20, async (i) => {
        const id = profileIds[i % profileCount]!;
        const response = await api(i, 'POST', `${profilesPath}/${id}/syncInventory`);
        statuses.push(response.status);
      });
      await waitForIdleQueue(store, 60_000);
      const overlapsSeen = await sampler.stop();

      assert.deepEqual(new Set(statuses), new Set([204]));
      assert.deepEqual(overlapsSeen, []);
      const profiles = await store.db.selectFrom('profiles').selectAll().execute();
      for (const profile of profiles) {
        assert.equal(profile.sync_state, 'success', profile.id);
        assert.ok(profile.last_successful_sync_at! >= profile.last_sync_requested_at!, profile.id);
      }
      // Each finished job was run to its end by exactly one worker process. A job is marked done
      // before its worker logs so, and the last lines may still be on their way.
      const succeeded = await store.db
        .selectFrom('sync_jobs')
        .select('id')
        .where('state', '=', 'succeeded')
        .execute();
      const finishedBy = () => {
        const counts = new Map<string, number>();
        for (const line of workers.flatMap((worker) => worker.logs)) {
          if (line.msg !== 'sync finished') continue;
          counts.set(String(line.jobId), (counts.get(String(line.jobId)) ?? 0) + 1);
        }
        return counts;
      };
      await waitUntil(
        'every finished job to be logged',
        async () => succeeded.every((job) => finishedBy().has(job.id)),
        10_000,
      );
      const counts = finishedBy();
      assert.deepEqual(
        succeeded.filter((job) => counts.get(job.id) !== 1),
        [],
      );
      const failed = await store.db
        .selectFrom('sync_jobs')
        .select(['id', 'error'])
        .where('state', '=', 'failed')
        .execute();
      assert.deepEqual(failed, []);
      for (const worker of workers) {
        assert.ok(
          worker.logs.some((line) => line.msg === 'sync finished'),
          `${worker.name} ran no sync: the work was not shared`,
        );
      }
    },
  );

  test(
    'a worker killed mid-run leaves its job to the other, with the list and decisions whole',
    timeout,
    async () => {
      const profileId = profileIds[0]!;
      await store.db
        .insertInto('decisions')
        .values({
          tenant_id: tenantA,
          profile_id: profileId,
          driver_id: 'approved-before-the-crash',
          approval_status: 'approved',
          deploy_at: '2026-02-01T00:00:00.000Z',
          first_seen_at: '2026-01-01T00:00:00.000Z',
          decided_at: '2026-01-15T00:00:00.000Z',
          ever_recommended: 1,
        })
        .execute();
      const before = await profileState(store, profileId);

      // Locking out writers of the inventory table makes the run stop inside its commit, with its
      // lease extended and its transaction open: the worst moment to die. Requests only read it.
      const blocker = new pg.Client({ connectionString: database.setting });
      await blocker.connect();
      let victim: CliProcess | undefined;
      let jobId = '';
      try {
        await blocker.query('begin');
        await blocker.query('lock table inventory in share mode');
        const requested = await api(0, 'POST', `${profilesPath}/${profileId}/syncInventory`);
        assert.equal(requested.status, 204);
        await waitUntil('the run to block in its commit', () => commitIsWaiting(store), 20_000);

        const running = await store.db
          .selectFrom('sync_jobs')
          .select(['id', 'lease_owner'])
          .where('profile_id', '=', profileId)
          .where('state', '=', 'running')
          .executeTakeFirstOrThrow();
        jobId = running.id;
        const pid = Number(/\/(\d+)\/[^/]+$/.exec(running.lease_owner ?? '')?.[1]);
        victim = workers.find((worker) => worker.child.pid === pid);
        assert.ok(victim, `no worker process has pid ${pid}`);
        await victim.waitForLog((l) => l.msg === 'sync started' && l.jobId === jobId, 10_000);
        await victim.kill();
      } finally {
        await blocker.query('rollback');
        await blocker.end();
      }

      const survivor = workers.find((worker) => worker !== victim)!;
      await waitUntil(
        'the job to finish on the surviving worker',
        async () => {
          const job = await store.db
            .selectFrom('sync_jobs')
            .select('state')
            .where('id', '=', jobId)
            .executeTakeFirstOrThrow();

          return job.state === 'succeeded';
        },
        30_000,
      );

      const job = await store.db
        .selectFrom('sync_jobs')
        .selectAll()
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      assert.equal(job.attempts, 2);
      // The job is marked done before its worker logs so, and the line may still be on its way.
      await survivor.waitForLog((l) => l.msg === 'sync finished' && l.jobId === jobId, 10_000);
      const afterwards = await profileState(store, profileId);
      assert.deepEqual(afterwards.inventory, before.inventory);
      assert.deepEqual(afterwards.decisions, before.decisions);
      assert.equal(afterwards.syncState, 'success');
    },
  );
});

function api(i: number, method: string, path: string, body?: unknown) {
  const target = apis[i % apis.length]!;

  return call(target, method, path, { token, ...(body === undefined ? {} : { body }) });
}

async function inParallel(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };

  await Promise.all(Array.from({ length: width }, lane));
}

async function waitForIdleQueue(db: Store, timeoutMs: number): Promise<void> {
  await waitUntil(
    'every sync job to finish',
    async () => {
      const open = await db.db
        .selectFrom('sync_jobs')
        .select('id')
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();

      return open === undefined;
    },
    timeoutMs,
  );
}

/** Polls the job table for a profile with two running jobs while the test's load runs. */
function sampleConcurrentRuns(db: Store) {
  const seen: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = await db.db
        .selectFrom('sync_jobs')
        .select((eb) => ['profile_id', eb.fn.countAll<string>().as('running')])
        .where('state', '=', 'running')
        .groupBy('profile_id')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      seen.push(...rows.map((row) => row.profile_id));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      await loop;

      return seen;
    },
  };
}

// Asked outside the blocking transaction: a transaction sees pg_stat_activity as it first was.
async function commitIsWaiting(db: Store): Promise<boolean> {
  const waiting = await sql`select 1 from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'
      and query ilike 'delete from "inventory"%'`.execute(db.db);

  return waiting.rows.length > 0;
}

async function profileState(db: Store, profileId: string) {
  const inventory = await db.db
    .selectFrom('inventory')
    .selectAll()
    .where('profile_id', '=', profileId)
    .orderBy('driver_id')
    .execute();
  const decisions = await db.db
    .selectFrom('decisions')
    .selectAll()
    .where('profile_id', '=', profileId)
    .orderBy('driver_id')
    .execute();
  const profile = await db.db
    .selectFrom('profiles')
    .select('sync_state')
    .where('id', '=', profileId)
    .executeTakeFirstOrThrow();

  return { inventory, decisions, syncState: profile.sync_state };
}
