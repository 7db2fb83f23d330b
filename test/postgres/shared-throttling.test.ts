// API processes on one PostgreSQL database count requests against the same limits: a tenant's
// writes add up across processes, so a burst spread over them is throttled as one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, profilesPath } from '../graph/support/graph-fixtures.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import {
  createTestDatabase,
  postgresSkipReason,
  testBackend,
  type TestDatabase,
} from '../support/test-store.js';

const skip = testBackend === 'postgres' ? false : postgresSkipReason;
const writeLimit = 6;

let database: TestDatabase;
let services: TestService[] = [];

describe('throttling with two API processes on one database', { skip }, () => {
  before(async () => {
    database = await createTestDatabase();
    // An hour-long window, so the burst cannot straddle two windows.
    const raw = {
      database: database.setting,
      throttleTenantWrites: writeLimit,
      throttleWindow: 3600,
    };
    services = [await startTestService(raw), await startTestService(raw)];
  });

  after(async () => {
    await Promise.all(services.map((service) => service.dispose()));
    await database?.drop();
  });

  test("counts a tenant's writes across both processes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < writeLimit + 2; i += 1) {
      const service = services[i % 2]!;
      const response = await call(service, 'POST', profilesPath, {
        token: await service.token(tenantA),
        body: { displayName: `burst ${i}`, approvalType: 'manual' },
      });
      statuses.push(response.status);
      if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) >= 1);
    }

    assert.deepEqual(statuses, [...Array(writeLimit).fill(201), 429, 429]);
  });
});
