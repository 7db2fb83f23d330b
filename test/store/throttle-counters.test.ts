import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createStoreThrottleCounters,
  tenantOfCounterKey,
} from '../../src/http/store-throttle-counters.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

const windowMs = 20_000;
const t0 = new Date('2026-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const writes = 'tenant:11111111-1111-4111-8111-111111111111:writes';

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(() => store.dispose());

describe('throttling counters in the store', () => {
  test('counts hits of one key within a window, whichever counter object made them', async () => {
    const first = createStoreThrottleCounters(store.db);
    const second = createStoreThrottleCounters(store.db);

    const counts = [
      await first.hit(writes, windowMs, at(0)),
      await second.hit(writes, windowMs, at(5_000)),
      await first.hit(writes, windowMs, at(19_999)),
    ];

    assert.deepEqual(counts, [1, 2, 3]);
  });

  test('loses no count when many hits arrive at once', async () => {
    const counters = Array.from({ length: 4 }, () => createStoreThrottleCounters(store.db));

    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => counters[i % 4]!.hit(writes, windowMs, at(1_000))),
    );

    assert.deepEqual(
      counts.sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  test('starts again at one in the next window and forgets finished windows', async () => {
    const counters = createStoreThrottleCounters(store.db);
    await counters.hit(writes, windowMs, at(0));
    await counters.hit(writes, windowMs, at(1));

    const next = await counters.hit(writes, windowMs, at(windowMs));

    const rows = await store.db.selectFrom('throttle_counters').selectAll().execute();
    assert.equal(next, 1);
    assert.deepEqual(
      rows.map((row) => [row.key, row.window_start, row.count]),
      [[writes, at(windowMs).toISOString(), 1]],
    );
  });

  test('keeps different keys apart and files each under its tenant', async () => {
    const counters = createStoreThrottleCounters(store.db);
    const app = 'tenant:22222222-2222-4222-8222-222222222222:app:abc:requests';

    await counters.hit(writes, windowMs, at(0));
    const appCount = await counters.hit(app, windowMs, at(0));

    assert.equal(appCount, 1);
    assert.equal(tenantOfCounterKey(app), '22222222-2222-4222-8222-222222222222');
  });
});
