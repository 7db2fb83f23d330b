// Sync mechanics seen through HTTP: a burst of syncInventory calls on one profile, an admin's
// decision racing syncs, and a sync that outlives the CLI process that accepted it.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { loadOrCreateSigningKeys, mintToken } from '../../src/identity/index.js';
import { runSync, type SyncPipeline } from '../../src/sync/run-sync.js';
import { startSyncWorker, type SyncWorker } from '../../src/sync/worker.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import {
  call,
  profilesPath,
  seedInventory,
  waitForSyncToSettle,
} from './support/graph-fixtures.js';

const silent = pino({ level: 'silent' });

describe('syncInventory under load', () => {
  let service: TestService;
  let token: string;
  let workers: SyncWorker[];
  const running = new Map<string, number>();
  let mostAtOnce = 0;
  let runs = 0;
  /** While set, runs wait here after their claim: a worker held mid-sync. */
  let gate: Promise<void> | null = null;

  // Each run lingers a little, so two runs of one profile would overlap long enough to be seen.
  const watchedSync: SyncPipeline = async (job, context) => {
    const now = (running.get(job.profileId) ?? 0) + 1;
    running.set(job.profileId, now);
    mostAtOnce = Math.max(mostAtOnce, now);
    runs += 1;
    try {
      await delay(25);
      await gate;

      return await runSync(job, context);
    } finally {
      running.set(job.profileId, (running.get(job.profileId) ?? 1) - 1);
    }
  };

  before(async () => {
    service = await startTestService({ worker: false });
    token = await service.token(tenantA);
    // Two workers on one store compete for every job, as two processes would.
    workers = ['first', 'second'].map((owner) =>
      startSyncWorker({
        store: service.store,
        logger: silent,
        clock: () => new Date(),
        owner,
        pollMs: 5,
        pipeline: watchedSync,
      }),
    );
  });

  after(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await service.dispose();
  });

  async function createProfile(): Promise<string> {
    const created = await call(service, 'POST', profilesPath, {
      token,
      body: { displayName: 'Busy', approvalType: 'manual' },
    });

    return String(created.json?.id);
  }

  async function waitForJob(profileId: string, state: string): Promise<void> {
    for (let tries = 0; tries < 500; tries += 1) {
      const job = await service.store.db
        .selectFrom('sync_jobs')
        .select('id')
        .where('profile_id', '=', profileId)
        .where('state', '=', state)
        .executeTakeFirst();
      if (job) return;
      await delay(10);
    }
    throw new Error(`no ${state} job of ${profileId}`);
  }

  async function runningPerProfile(): Promise<number> {
    const rows = await service.store.db
      .selectFrom('sync_jobs')
      .select(['profile_id', (eb) => eb.fn.countAll<number>().as('running')])
      .where('state', '=', 'running')
      .groupBy('profile_id')
      .execute();

    return Math.max(0, ...rows.map((row) => Number(row.running)));
  }

  test('50 concurrent calls all get 204 and never run two syncs of a profile at once', async () => {
    const id = await createProfile();
    const before = new Date().toISOString();
    let polling = true;
    let mostRunningRows = 0;
    const poller = (async () => {
      while (polling) {
        mostRunningRows = Math.max(mostRunningRows, await runningPerProfile());
        await delay(2);
      }
    })();

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(
          service,
          'POST',
          `${profilesPath}/${id}/${i % 2 ? 'microsoft.graph.' : ''}syncInventory`,
          {
            token,
          },
        ),
      ),
    );
    const state = await waitForSyncToSettle(service, tenantA, id, 10_000);
    polling = false;
    await poller;
    const profile = await call(service, 'GET', `${profilesPath}/${id}`, { token });
    const jobs = await service.store.db
      .selectFrom('sync_jobs')
      .select('state')
      .where('profile_id', '=', id)
      .execute();

    assert.deepEqual(
      new Set(responses.map((r) => [r.status, r.text].join(' '))),
      new Set(['204 ']),
    );
    assert.equal(state, 'success');
    assert.ok(runs >= 2, `only ${runs} runs`);
    assert.equal(mostAtOnce, 1);
    assert.ok(mostRunningRows <= 1, `${mostRunningRows} running jobs of one profile`);
    assert.ok(jobs.every((job) => job.state === 'succeeded'));
    const status = profile.json?.inventorySyncStatus as Record<string, string>;
    assert.equal(status.driverInventorySyncState, 'success');
    assert.ok(status.lastSuccessfulSyncDateTime! >= before);
  });

  test('an approval made while syncs run is kept by every sync after it', async () => {
    const id = await createProfile();
    await waitForSyncToSettle(service, tenantA, id);
    await seedInventory(service, tenantA, id, [{ id: 'raced' }, { id: 'other' }]);
    const sync = () => call(service, 'POST', `${profilesPath}/${id}/syncInventory`, { token });

    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));

    // The approval lands while a claimed sync is held mid-run and more syncs are requested.
    const first = await sync();
    await waitForJob(id, 'running');
    const [approval, ...later] = await Promise.all([
      call(service, 'POST', `${profilesPath}/${id}/executeAction`, {
        token,
        body: {
          actionName: 'approve',
          driverIds: ['raced'],
          deploymentDate: '2027-01-01T00:00:00Z',
        },
      }),
      ...Array.from({ length: 5 }, sync),
    ]);
    gate = null;
    open();
    await waitForSyncToSettle(service, tenantA, id);
    await sync();
    await waitForSyncToSettle(service, tenantA, id);
    // The next sync that finds the driver again lists it with the kept decision.
    await seedInventory(service, tenantA, id, [{ id: 'raced' }]);
    const listed = await call(service, 'GET', `${profilesPath}/${id}/driverInventories/raced`, {
      token,
    });

    assert.equal(first.status, 204);
    assert.ok(later.every((response) => response.status === 204));
    assert.deepEqual(approval.json?.successfulDriverIds, ['raced'], approval.text);
    assert.equal(listed.json?.approvalStatus, 'approved');
    assert.equal(listed.json?.deployDateTime, '2027-01-01T00:00:00.000Z');
  });
});

describe('a sync accepted by a process that is then killed', () => {
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  let dataDir: string;
  const children: ChildProcess[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-killed-'));
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function serve(...flags: string[]): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        main,
        'serve',
        '--port',
        '0',
        '--data',
        dataDir,
        '--log-level',
        'warn',
        ...flags,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(child);
    let output = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const url = /serving Microsoft Graph at (\S+)\/beta/.exec(output)?.[1];
      if (url) return { child, url };
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`drivergraph serve did not start:\n${output}`);
      }
      await delay(25);
    }
  }

  async function tokenFor(url: string): Promise<string> {
    const ring = await loadOrCreateSigningKeys(dataDir);

    return mintToken(ring, {
      publicUrl: url,
      tenantId: tenantA,
      scopes: ['DeviceManagementConfiguration.ReadWrite.All'],
      lifetimeSeconds: 600,
      now: new Date(),
    });
  }

  test('runs to success in the next process on the same data folder', async () => {
    // With no worker the first process can only record the job, as a blocked worker would.
    const first = await serve('--no-worker');
    const firstToken = await tokenFor(first.url);
    const created = await call(first, 'POST', profilesPath, {
      token: firstToken,
      body: { displayName: 'Survivor', approvalType: 'manual' },
    });
    const path = `${profilesPath}/${String(created.json?.id)}`;
    const accepted = await call(first, 'POST', `${path}/syncInventory`, { token: firstToken });
    const exited = once(first.child, 'exit');
    first.child.kill('SIGKILL');
    await exited;

    const second = await serve();
    const secondToken = await tokenFor(second.url);
    let status: Record<string, string> = {};
    const deadline = Date.now() + 15_000;
    while (status.driverInventorySyncState !== 'success' && Date.now() < deadline) {
      const read = await call(second, 'GET', path, { token: secondToken });
      status = read.json?.inventorySyncStatus as Record<string, string>;
      await delay(50);
    }
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');

    assert.equal(created.status, 201);
    assert.equal(accepted.status, 204);
    assert.equal(status.driverInventorySyncState, 'success');
    assert.notEqual(status.lastSuccessfulSyncDateTime, '0001-01-01T00:00:00Z');
  });
});
