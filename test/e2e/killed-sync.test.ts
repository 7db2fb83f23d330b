// A real `drivergraph serve` process killed with SIGKILL while it runs a sync job. After a
// restart on the same data folder the job finishes, the driver list equals what a clean run of
// the same job produces on a copy of the folder, and the admin's earlier decisions stand.
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { test } from 'node:test';
import { startService, type RunningService } from '../../src/app.js';
import { resolveServeSettings } from '../../src/config/serve-settings.js';
import { seedDemoFleet } from '../../src/demo/seed-fleet.js';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../src/identity/index.js';
import { createLogger } from '../../src/logger.js';
import { call, profilesPath } from '../graph/support/graph-fixtures.js';
import { openJobReader, spawnServe, type JobReader } from './support/serve-process.js';

const tenantId = '6a2e4c1b-0d3f-4e5a-8b7c-9d0e1f2a3b4c';
// Big enough that the sync of every device takes a few hundred milliseconds, which is the
// window the kill must land in; small enough to seed in a few seconds.
const fleetSize = { devices: 1500, models: 20, seed: 7, catalogPackages: 1500 };
const syncArgs = ['--sync-interval', '3650d'];

async function startOn(dataDir: string, worker: boolean): Promise<RunningService> {
  const settings = resolveServeSettings(
    { port: 0, data: dataDir, logLevel: 'silent', worker, syncInterval: '3650d' },
    dataDir,
  );

  return startService(settings, createLogger('silent'), { worker: { pollMs: 20 } });
}

async function tokenFor(dataDir: string, url: string): Promise<string> {
  return mintToken(await loadOrCreateSigningKeys(dataDir), {
    publicUrl: url,
    tenantId,
    scopes: [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL],
    lifetimeSeconds: 3600,
    now: new Date(),
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(2);
  }
}

interface ProfileState {
  readonly list: Record<string, unknown>[];
  readonly newUpdates: unknown;
  readonly deviceReporting: unknown;
}

async function settledState(
  service: { url: string },
  token: string,
  reader: JobReader,
  profileId: string,
): Promise<ProfileState> {
  const open = () => reader.jobs(profileId).some((job) => /queued|running/.test(job.state));
  await until('the sync to settle', () => !open());
  const profile = await call(service, 'GET', `${profilesPath}/${profileId}`, { token });
  const list = await call(
    service,
    'GET',
    `${profilesPath}/${profileId}/driverInventories?$top=999`,
    {
      token,
    },
  );
  assert.equal(list.json?.['@odata.nextLink'], undefined);
  const rows = (list.json?.value as Record<string, unknown>[]).sort((a, b) =>
    String(a.id) < String(b.id) ? -1 : 1,
  );

  return {
    list: rows,
    newUpdates: profile.json?.newUpdates,
    deviceReporting: profile.json?.deviceReporting,
  };
}

function assignTo(groupIds: readonly string[]) {
  return {
    assignments: groupIds.map((groupId) => ({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
    })),
  };
}

test(
  'a sync killed mid-run finishes after a restart, whole and with decisions intact',
  { timeout: 120_000 },
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-killed-'));
    const copyDir = await mkdtemp(join(tmpdir(), 'drivergraph-clean-'));
    const processes: ReturnType<typeof spawnServe>[] = [];
    const services: RunningService[] = [];
    let reader: JobReader | null = null;
    try {
      // A profile on the pilot ring, synced, with decisions taken on its list.
      const first = await startOn(dataDir, true);
      services.push(first);
      const fleet = await seedDemoFleet(first.store, tenantId, () => new Date(), fleetSize);
      let token = await tokenFor(dataDir, first.url);
      const created = await call(first, 'POST', profilesPath, {
        token,
        body: { displayName: 'Survives a kill', approvalType: 'manual' },
      });
      const profileId = String(created.json?.id);
      await call(first, 'POST', `${profilesPath}/${profileId}/assign`, {
        token,
        body: assignTo([fleet.pilotGroupId]),
      });
      reader = openJobReader(dataDir);
      const pilot = await settledState(first, token, reader, profileId);
      const [approved, alsoApproved, declined] = pilot.list.map((row) => String(row.id));
      assert.ok(declined, `the pilot list has only ${pilot.list.length} drivers`);
      const act = (actionName: string, driverIds: string[]) =>
        call(first, 'POST', `${profilesPath}/${profileId}/executeAction`, {
          token,
          body: {
            actionName,
            driverIds,
            ...(actionName === 'approve' ? { deploymentDate: '2026-05-01T00:00:00Z' } : {}),
          },
        });
      assert.equal((await act('approve', [approved!, alsoApproved!])).status, 200);
      assert.equal((await act('decline', [declined])).status, 200);
      await first.close();
      services.pop();

      // Widening the assignment queues a sync of every device, left for the next process.
      const quiet = await startOn(dataDir, false);
      token = await tokenFor(dataDir, quiet.url);
      await call(quiet, 'POST', `${profilesPath}/${profileId}/assign`, {
        token,
        body: assignTo([fleet.pilotGroupId, fleet.broadGroupId]),
      });
      await quiet.close();
      // Copying opens and closes the database's files, and closing a file drops every POSIX lock
      // this process holds on it. A reader left open would lose the lock that tells the next
      // process it is not alone; that process would then reset the shared memory the reader has
      // mapped, and the reader's next look would end this process with SIGBUS.
      reader.close();
      await cp(dataDir, copyDir, { recursive: true });
      reader = openJobReader(dataDir);

      const doomed = spawnServe(dataDir, [...syncArgs, '--sync-lease', '1s']);
      processes.push(doomed);
      await until('the child to claim the job', () =>
        reader!.jobs(profileId).some((job) => job.state === 'running'),
      );
      await doomed.kill('SIGKILL');
      const interrupted = reader.jobs(profileId).find((job) => job.state === 'running');
      assert.ok(interrupted, 'the job finished before the kill landed');
      assert.notEqual(interrupted.lease_owner, null);

      const survivor = spawnServe(dataDir, syncArgs);
      processes.push(survivor);
      const url = await survivor.url;
      token = await tokenFor(dataDir, url);
      await until('the interrupted job to succeed', () =>
        reader!
          .jobs(profileId)
          .some((job) => job.id === interrupted.id && job.state === 'succeeded'),
      );
      const resumed = await settledState({ url }, token, reader, profileId);
      const job = reader.jobs(profileId).find((entry) => entry.id === interrupted.id);

      reader.close();
      reader = openJobReader(copyDir);
      const clean = await startOn(copyDir, true);
      services.push(clean);
      const cleanToken = await tokenFor(copyDir, clean.url);
      const expected = await settledState(clean, cleanToken, reader, profileId);

      assert.equal(job?.attempts, 2);
      assert.ok(resumed.list.length > pilot.list.length, 'the resumed sync added no devices');
      assert.deepEqual(resumed, expected);
      const statusOf = (id: string) => resumed.list.find((row) => row.id === id);
      assert.deepEqual(
        [approved!, alsoApproved!, declined].map((id) => [
          statusOf(id)?.approvalStatus,
          statusOf(id)?.deployDateTime,
        ]),
        [
          ['approved', '2026-05-01T00:00:00.000Z'],
          ['approved', '2026-05-01T00:00:00.000Z'],
          ['declined', '0001-01-01T00:00:00Z'],
        ],
      );
    } finally {
      reader?.close();
      for (const child of processes) await child.kill('SIGTERM');
      for (const service of services) await service.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(copyDir, { recursive: true, force: true });
    }
  },
);
