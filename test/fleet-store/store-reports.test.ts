// Storing many reports at once must leave the store as storing them one by one would.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { NodeKeyMemo } from '../../src/fleet/configuration-of.js';
import { loadNodeKeyedConfigurations } from '../../src/fleet/configuration-repo.js';
import {
  storeReport,
  storeReports,
  type ReportContext,
  type ReportOutcome,
} from '../../src/fleet/device-report-store.js';
import type { DeviceReport } from '../../src/fleet/report-types.js';
import type { Db } from '../../src/store/store.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { reportFor } from './report-fixtures.js';

const tenantId = '77777777-7777-4777-8777-777777777777';
const otherTenantId = '77777777-7777-4777-8777-777777777778';

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(() => store.dispose());

function contextFor(shared: boolean): ReportContext {
  return {
    now: new Date('2026-12-02T00:00:00Z'),
    rowLocks: store.capabilities.supportsRowLocks,
    ...(shared ? { shared: { nodeKeys: new NodeKeyMemo(), savedConfigurations: new Set() } } : {}),
  };
}

async function devicesOf(db: Db, tenant = tenantId) {
  return db
    .selectFrom('devices')
    .select(['device_id', 'configuration_key', 'reported_at'])
    .where('tenant_id', '=', tenant)
    .orderBy('device_id')
    .execute();
}

// Object ids are random; everything else about an outcome must match.
function comparable(outcomes: readonly ReportOutcome[]) {
  return outcomes.map((outcome) => ({ ...outcome, objectId: undefined }));
}

describe('storeReports', () => {
  test('gives the outcomes and rows of storing the same reports one by one', async () => {
    const [known, fresh, twice] = [randomUUID(), randomUUID(), randomUUID()];
    const earlier = [reportFor(known, '2026-12-01T08:00:00Z')];
    const reports: DeviceReport[] = [
      reportFor(known, '2026-12-01T09:00:00Z', '2.0.0.0'),
      reportFor(fresh, '2026-12-01T09:00:00Z'),
      reportFor(twice, '2026-12-01T10:00:00Z'),
      reportFor(twice, '2026-12-01T09:00:00Z', '3.0.0.0'),
      reportFor(twice, '2026-12-01T10:00:00Z'),
      reportFor(known, '2026-12-01T07:00:00Z'),
    ];
    const oneByOne = await store.transaction(async (tx) => {
      for (const report of earlier) await storeReport(tx, otherTenantId, report, contextFor(false));
      const outcomes: ReportOutcome[] = [];
      for (const report of reports) {
        outcomes.push(await storeReport(tx, otherTenantId, report, contextFor(false)));
      }

      return outcomes;
    });

    const together = await store.transaction(async (tx) => {
      await storeReports(tx, tenantId, earlier, contextFor(true));

      return storeReports(tx, tenantId, reports, contextFor(true));
    });

    assert.deepEqual(comparable(together), comparable(oneByOne));
    assert.deepEqual(await devicesOf(store.db), await devicesOf(store.db, otherTenantId));
    assert.deepEqual(
      together.map((outcome) => outcome.kind),
      ['stored', 'stored', 'stored', 'stale', 'unchanged', 'stale'],
    );
  });

  test('stores a configuration again when a later report left it unused in between', async () => {
    const [moving, arriving] = [randomUUID(), randomUUID()];
    const context = contextFor(true);

    await store.transaction(async (tx) => {
      await storeReports(
        tx,
        tenantId,
        [
          reportFor(moving, '2026-12-01T09:00:00Z', '1.0.0.1'),
          reportFor(moving, '2026-12-01T10:00:00Z', '2.0.0.0'),
        ],
        context,
      );
      await storeReports(
        tx,
        tenantId,
        [reportFor(arriving, '2026-12-01T10:00:00Z', '1.0.0.1')],
        context,
      );
    });

    const devices = await devicesOf(store.db);
    const keys = devices.map((device) => device.configuration_key ?? '');
    const stored = await loadNodeKeyedConfigurations(store.db, tenantId, keys);
    assert.equal(new Set(keys).size, 2);
    assert.deepEqual([...stored.keys()].sort(), [...keys].sort());
  });
});
