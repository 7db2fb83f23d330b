// Throttling per tenant and per app in fixed windows, with small configured limits and a test
// clock: a burst is refused with Retry-After, waiting as told is enough, staying under is never
// refused.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../src/identity/index.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';

const profiles = '/beta/deviceManagement/windowsDriverUpdateProfiles';
const windowMs = 20_000;
const appOne = '0a000000-0000-4000-8000-000000000001';
const appTwo = '0a000000-0000-4000-8000-000000000002';

let service: TestService;
let clock: Date;
const tokens = new Map<string, string>();

before(async () => {
  service = await startTestService(
    {
      throttleTenantRequests: 6,
      throttleAppRequests: 4,
      throttleTenantWrites: 3,
      throttleAppWrites: 2,
      throttleWindow: 20,
    },
    { clock: () => clock },
  );
  const ring = await loadOrCreateSigningKeys(service.dataDir);
  for (const tenantId of [tenantA, tenantB]) {
    for (const appId of [appOne, appTwo]) {
      const token = await mintToken(ring, {
        publicUrl: service.url,
        tenantId,
        appId,
        roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL],
        lifetimeSeconds: 3600,
        now: new Date(),
      });
      tokens.set(`${tenantId}:${appId}`, token);
    }
  }
});

after(() => service.dispose());

// Every test starts 5 s into a fresh window, so a full window is 15 s away.
let windowIndex = 0;
beforeEach(() => {
  windowIndex += 10;
  clock = new Date(Math.floor(Date.now() / windowMs) * windowMs + windowIndex * windowMs + 5_000);
});

function advance(seconds: number): void {
  clock = new Date(clock.getTime() + seconds * 1000);
}

async function send(tenantId: string, appId: string, method = 'GET') {
  const response = await fetch(`${service.url}${profiles}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens.get(`${tenantId}:${appId}`)}`,
      'content-type': 'application/json',
    },
    body:
      method === 'POST' ? JSON.stringify({ displayName: 'T', approvalType: 'manual' }) : undefined,
  });
  const text = await response.text();

  return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
}

describe('throttling', () => {
  test('refuses a burst over the per-app limit with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send(tenantA, appOne)).status);
    const refused = await send(tenantA, appOne);

    assert.deepEqual(statuses, [200, 200, 200, 200]);
    assert.equal(refused.status, 429);
    assert.equal(refused.retryAfter, '15');
    assert.equal(
      (JSON.parse(refused.text) as { error: { code: string } }).error.code,
      'TooManyRequests',
    );
  });

  test('admits a client again once it has waited as told', async () => {
    for (let i = 0; i < 4; i += 1) await send(tenantA, appOne);
    const refused = await send(tenantA, appOne);
    advance(Number(refused.retryAfter));
    const retried = [];
    for (let i = 0; i < 4; i += 1) retried.push((await send(tenantA, appOne)).status);

    assert.equal(refused.status, 429);
    assert.deepEqual(retried, [200, 200, 200, 200]);
  });

  test('counts apps of a tenant together against the tenant limit', async () => {
    for (let i = 0; i < 3; i += 1) assert.equal((await send(tenantA, appOne)).status, 200);
    for (let i = 0; i < 3; i += 1) assert.equal((await send(tenantA, appTwo)).status, 200);

    assert.equal((await send(tenantA, appTwo)).status, 429);
    assert.equal((await send(tenantB, appOne)).status, 200, 'another tenant has its own count');
  });

  test('holds writes to their own, lower limits', async () => {
    const writes = [];
    for (let i = 0; i < 3; i += 1) writes.push((await send(tenantB, appTwo, 'POST')).status);

    assert.deepEqual(writes, [201, 201, 429]);
    assert.equal((await send(tenantB, appTwo)).status, 200, 'reads still have room');
  });

  test('never refuses a client that stays under the limits', async () => {
    const statuses = [];
    for (let window = 0; window < 5; window += 1) {
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await send(tenantB, appOne)).status);
        advance(5);
      }
      advance(5);
    }

    assert.ok(
      statuses.every((status) => status === 200),
      statuses.join(','),
    );
  });
});
