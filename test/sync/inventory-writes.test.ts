import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { MergedInventoryRow } from '../../src/approval/merge-decisions.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import {
  loadDecisions,
  replaceInventory,
  writeDecisions,
} from '../../src/sync/inventory-writes.js';
import { loadAssignmentScope } from '../../src/sync/load-inputs.js';
import { seedProfile, tenantId } from './fixtures/sync-fixtures.js';

const key = { tenantId, profileId: 'p1' };
const now = new Date('2026-04-01T10:00:00.000Z');

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
  await seedProfile(store.db, 'p1');
});

afterEach(() => store.dispose());

function row(driverId: string): MergedInventoryRow {
  return {
    driverId,
    name: `Contoso - Net - ${driverId}`,
    version: '2.0.0.0',
    manufacturer: 'Contoso',
    releaseDateTime: '2026-01-01T00:00:00.000Z',
    driverClass: 'Networking',
    applicableDeviceCount: 1,
    category: 'other',
    approvalStatus: 'needsReview',
    deployDateTime: '0001-01-01T00:00:00Z',
  };
}

test('a list larger than one insert batch replaces the previous list whole', async () => {
  await replaceInventory(store.db, key, [row('old')]);
  const rows = Array.from({ length: 1_234 }, (_, i) => row(`d${i}`));

  await store.transaction((tx) => replaceInventory(tx, key, rows));
  const stored = await store.db.selectFrom('inventory').select('driver_id').execute();
  assert.equal(stored.length, 1_234);
  assert.ok(!stored.some((r) => r.driver_id === 'old'));
});

test('a status change computed by a sync does not undo a concurrent admin action', async () => {
  const decision = {
    driverId: 'a',
    approvalStatus: 'needsReview' as const,
    deployDateTime: null,
    firstSeenAt: now.toISOString(),
    everRecommended: false,
  };
  await writeDecisions(store.db, key, [{ kind: 'insert', decision, decidedAt: null }], now);
  await store.db.updateTable('decisions').set({ approval_status: 'declined' }).execute();

  const promoted = {
    ...decision,
    approvalStatus: 'approved' as const,
    deployDateTime: now.toISOString(),
    everRecommended: true,
  };
  await writeDecisions(
    store.db,
    key,
    [{ kind: 'update', decision: promoted, previousStatus: 'needsReview' }],
    now,
  );
  assert.deepEqual(await loadDecisions(store.db, key), [
    { ...decision, approvalStatus: 'declined', everRecommended: true },
  ]);
});

test('the assignment scope separates included, excluded and all-device targets', async () => {
  const target = (id: string, type: string, groupId: string | null) => ({
    tenant_id: tenantId,
    profile_id: 'p1',
    id,
    target_type: type,
    group_id: groupId,
    filter_id: null,
    filter_type: 'none',
  });
  await store.db
    .insertInto('profile_assignments')
    .values([
      target('a1', 'groupAssignmentTarget', 'g1'),
      target('a2', 'exclusionGroupAssignmentTarget', 'g2'),
      target('a3', 'groupAssignmentTarget', 'g3'),
    ])
    .execute();

  assert.deepEqual(await loadAssignmentScope(store.db, tenantId, 'p1'), {
    allDevices: false,
    includedGroupIds: ['g1', 'g3'],
    excludedGroupIds: ['g2'],
  });
});
