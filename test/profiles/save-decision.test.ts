// An admin's decision is written only over the status it was read with, so two writers that
// read the same status cannot both win: the second finds the change and writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saveDecision } from '../../src/profiles/inventory-repo.js';
import type { DecisionTable } from '../../src/store/schema.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

const tenantId = '11111111-1111-4111-8111-111111111111';
const profileId = '33333333-3333-4333-8333-333333333333';

let store: TestStore;

before(async () => {
  store = await openTestStore();
});

after(() => store.dispose());

function decision(driverId: string, status: string): DecisionTable {
  return {
    tenant_id: tenantId,
    profile_id: profileId,
    driver_id: driverId,
    approval_status: status,
    deploy_at: status === 'approved' ? '2026-12-01T00:00:00.000Z' : null,
    first_seen_at: '2026-11-01T00:00:00.000Z',
    decided_at: '2026-12-01T00:00:00.000Z',
    ever_recommended: 0,
  };
}

async function statusOf(driverId: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('decisions')
    .select('approval_status')
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .where('driver_id', '=', driverId)
    .executeTakeFirst();

  return row?.approval_status;
}

describe('saveDecision', () => {
  test('writes the first decision on a driver read as needing review', async () => {
    assert.equal(await saveDecision(store.db, decision('first', 'approved'), 'needsReview'), true);
    assert.equal(await statusOf('first'), 'approved');
  });

  test('writes nothing when the status changed after it was read', async () => {
    await saveDecision(store.db, decision('raced', 'approved'), 'needsReview');

    const stale = await saveDecision(store.db, decision('raced', 'declined'), 'needsReview');

    assert.equal(stale, false);
    assert.equal(await statusOf('raced'), 'approved');
  });

  test('replaces a decision read with its current status', async () => {
    await saveDecision(store.db, decision('paused', 'approved'), 'needsReview');

    const fresh = await saveDecision(store.db, decision('paused', 'suspended'), 'approved');

    assert.equal(fresh, true);
    assert.equal(await statusOf('paused'), 'suspended');
  });
});
