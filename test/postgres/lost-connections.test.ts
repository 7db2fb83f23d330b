// Connections the server terminates (pg_terminate_backend, as a failover or an operator would)
// fail the requests they carried with a clean 503 and Retry-After in Graph's envelope; the
// pool replaces them and the same process serves the next requests normally.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { call, profilesPath, type HttpResult } from '../graph/support/graph-fixtures.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { postgresSkipReason, testBackend, testPostgresUrl } from '../support/test-store.js';
import { waitUntil } from './support/wait-until.js';

const skip = testBackend === 'postgres' ? false : postgresSkipReason;
const blockedRequests = 6;

let service: TestService;
let token: string;
let databaseUrl: string;

describe('connections terminated by the server', { skip }, () => {
  before(async () => {
    service = await startTestService();
    token = await service.token(tenantA);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
      service.store.db,
    );
    const url = new URL(testPostgresUrl!);
    url.pathname = `/${rows[0]!.name}`;
    databaseUrl = url.toString();
    const created = await createProfile('before the outage');
    assert.equal(created.status, 201, created.text);
    await waitUntil('the first sync to finish', async () => {
      const profile = await call(service, 'GET', `${profilesPath}/${String(created.json?.id)}`, {
        token,
      });
      const status = profile.json?.inventorySyncStatus as { driverInventorySyncState: string };

      return status.driverInventorySyncState === 'success';
    });
  });

  after(() => service?.dispose());

  test('fail the requests they carried with 503 ServiceUnavailable and Retry-After', async () => {
    const admin = await connect();
    // A transaction sees pg_stat_activity as it was at its first look, so watch from outside.
    const observer = await connect();
    let responses: Promise<HttpResult>[] = [];
    try {
      // The lock holds the requests inside their queries, so the termination hits them there.
      await admin.query('begin');
      await admin.query('lock table profiles in access exclusive mode');
      responses = Array.from({ length: blockedRequests }, () =>
        call(service, 'GET', profilesPath, { token }),
      );
      await waitUntil('the requests to wait on the lock', async () => {
        return (await waitingBackends(observer)) >= blockedRequests;
      });
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and pid <> $1`,
        [await backendPid(observer)],
      );
    } finally {
      await admin.query('rollback');
      await admin.end();
      await observer.end();
    }

    for (const response of await Promise.all(responses)) {
      const error = response.json?.error as { code: string; innerError: object } | undefined;
      assert.equal(response.status, 503, response.text);
      assert.equal(response.headers.get('retry-after'), '2');
      assert.equal(error?.code, 'ServiceUnavailable');
      assert.ok(error?.innerError && 'request-id' in error.innerError);
    }
  });

  test('leave the service working without a restart', async () => {
    const created = await createProfile('after the outage');
    const list = await call(service, 'GET', profilesPath, { token });
    const id = String(created.json?.id);
    const synced = await call(service, 'POST', `${profilesPath}/${id}/syncInventory`, { token });

    assert.equal(created.status, 201, created.text);
    assert.equal(list.status, 200, list.text);
    assert.equal((list.json?.value as unknown[]).length, 2);
    assert.equal(synced.status, 204, synced.text);
    await waitUntil('the sync to succeed', async () => {
      const profile = await call(service, 'GET', `${profilesPath}/${id}`, { token });
      const status = profile.json?.inventorySyncStatus as { driverInventorySyncState: string };

      return status.driverInventorySyncState === 'success';
    });
  });

  test('that were idle in the pool are replaced before the next request uses them', async () => {
    const admin = await connect();
    try {
      const idle = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      assert.ok((idle.rowCount ?? 0) > 0, 'the service held no connection to terminate');
    } finally {
      await admin.end();
    }
    // The server's goodbye reaches the idle clients as an event; give the pool a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const statuses = await Promise.all(
      Array.from(
        { length: 8 },
        async () => (await call(service, 'GET', profilesPath, { token })).status,
      ),
    );

    assert.deepEqual(
      statuses,
      Array.from({ length: 8 }, () => 200),
    );
  });
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();

  return client;
}

async function backendPid(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');

  return rows[0]!.pid;
}

async function waitingBackends(observer: pg.Client): Promise<number> {
  const { rows } = await observer.query<{ waiting: string }>(
    `select count(*) as waiting from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and wait_event_type = 'Lock'`,
  );

  return Number(rows[0]?.waiting ?? 0);
}

function createProfile(displayName: string) {
  return call(service, 'POST', profilesPath, {
    token,
    body: { displayName, approvalType: 'manual' },
  });
}
