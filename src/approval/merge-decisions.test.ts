import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mergeDecisions, unsetDeployDateTime } from './merge-decisions.js';
import type { ComputedInventoryRow, KeptDecision, MergeProfile } from './merge-decisions.js';

const now = new Date('2026-03-10T08:00:00.000Z');
const earlier = '2026-01-05T12:00:00.000Z';
const manual: MergeProfile = { approvalType: 'manual', deploymentDeferralInDays: null };
const automatic: MergeProfile = { approvalType: 'automatic', deploymentDeferralInDays: 7 };

function computed(driverId: string, recommended: boolean): ComputedInventoryRow {
  return {
    driverId,
    name: `Contoso - Net - ${driverId}`,
    version: '1.2.3.4',
    manufacturer: 'Contoso',
    releaseDateTime: '2025-11-01T00:00:00.000Z',
    driverClass: 'Networking',
    applicableDeviceCount: 3,
    recommended,
  };
}

function kept(driverId: string, fields: Partial<KeptDecision>): KeptDecision {
  return {
    driverId,
    approvalStatus: 'needsReview',
    deployDateTime: null,
    firstSeenAt: earlier,
    everRecommended: false,
    ...fields,
  };
}

describe('drivers without a decision', () => {
  test('arrive for review on a manual profile, recommended or not', () => {
    const result = mergeDecisions([computed('a', true), computed('b', false)], [], manual, now);

    assert.deepEqual(
      result.inventory.map((row) => [row.driverId, row.approvalStatus, row.category]),
      [
        ['a', 'needsReview', 'recommended'],
        ['b', 'needsReview', 'other'],
      ],
    );
    assert.equal(result.newUpdates, 2);
  });

  test('record when they were first seen and whether they were recommended', () => {
    const result = mergeDecisions([computed('a', true)], [], manual, now);

    assert.deepEqual(result.decisions, [
      {
        kind: 'insert',
        decidedAt: null,
        decision: {
          driverId: 'a',
          approvalStatus: 'needsReview',
          deployDateTime: null,
          firstSeenAt: now.toISOString(),
          everRecommended: true,
        },
      },
    ]);
  });

  test('arrive approved on an automatic profile when recommended, deferred by the profile', () => {
    const result = mergeDecisions([computed('a', true)], [], automatic, now);
    const [row] = result.inventory;
    const [write] = result.decisions;

    assert.equal(row?.approvalStatus, 'approved');
    assert.equal(row?.deployDateTime, '2026-03-17T08:00:00.000Z');
    assert.equal(write?.kind === 'insert' && write.decidedAt, now.toISOString());
    assert.equal(result.newUpdates, 0);
  });

  test('deploy at once on an automatic profile without a deferral', () => {
    const profile: MergeProfile = { approvalType: 'automatic', deploymentDeferralInDays: null };
    const result = mergeDecisions([computed('a', true)], [], profile, now);

    assert.equal(result.inventory[0]?.deployDateTime, now.toISOString());
  });

  test('arrive for review on an automatic profile when not recommended', () => {
    const result = mergeDecisions([computed('b', false)], [], automatic, now);

    assert.equal(result.inventory[0]?.approvalStatus, 'needsReview');
    assert.equal(result.inventory[0]?.deployDateTime, unsetDeployDateTime);
    assert.equal(result.newUpdates, 1);
  });
});

describe('kept decisions', () => {
  test('survive a re-sync unchanged and need no write', () => {
    const decision = kept('a', {
      approvalStatus: 'approved',
      deployDateTime: '2026-02-01T00:00:00.000Z',
      everRecommended: true,
    });
    const result = mergeDecisions([computed('a', true)], [decision], manual, now);

    assert.deepEqual(result.decisions, []);
    assert.equal(result.inventory[0]?.approvalStatus, 'approved');
    assert.equal(result.inventory[0]?.deployDateTime, '2026-02-01T00:00:00.000Z');
  });

  test('are never removed when their driver ages out of the list', () => {
    const decision = kept('gone', { approvalStatus: 'declined' });
    const result = mergeDecisions([computed('a', false)], [decision], manual, now);

    assert.deepEqual(
      result.decisions.map((write) => [write.kind, write.decision.driverId]),
      [['insert', 'a']],
    );
    assert.deepEqual(
      result.inventory.map((row) => row.driverId),
      ['a'],
    );
  });

  test('keep the first-seen time when their driver re-appears', () => {
    const decision = kept('a', { approvalStatus: 'declined' });
    const result = mergeDecisions([computed('a', false)], [decision], manual, now);

    assert.deepEqual(result.decisions, []);
    assert.equal(result.inventory[0]?.approvalStatus, 'declined');
  });

  test('remember that a driver was once recommended', () => {
    const result = mergeDecisions([computed('a', true)], [kept('a', {})], manual, now);

    assert.deepEqual(result.decisions, [
      {
        kind: 'update',
        previousStatus: 'needsReview',
        decision: kept('a', { everRecommended: true }),
      },
    ]);
  });

  test('approve an unreviewed driver on an automatic profile when it becomes recommended', () => {
    const result = mergeDecisions([computed('a', true)], [kept('a', {})], automatic, now);
    const [write] = result.decisions;

    assert.equal(write?.kind, 'update');
    assert.equal(write?.decision.approvalStatus, 'approved');
    assert.equal(write?.decision.deployDateTime, '2026-03-17T08:00:00.000Z');
    assert.equal(write?.decision.firstSeenAt, earlier);
  });

  test('are not overridden by an automatic profile once an admin declined the driver', () => {
    const decision = kept('a', { approvalStatus: 'declined' });
    const result = mergeDecisions([computed('a', true)], [decision], automatic, now);

    assert.equal(result.inventory[0]?.approvalStatus, 'declined');
    assert.equal(result.decisions[0]?.decision.approvalStatus, 'declined');
  });
});

describe('categories', () => {
  const superseded = computed('old', false);

  test('a superseded driver that was recommended and approved is previously approved', () => {
    const decision = kept('old', {
      approvalStatus: 'approved',
      deployDateTime: earlier,
      everRecommended: true,
    });
    const result = mergeDecisions([superseded], [decision], manual, now);

    assert.equal(result.inventory[0]?.category, 'previouslyApproved');
    assert.equal(result.inventory[0]?.deployDateTime, earlier);
  });

  test('a suspended driver that was recommended counts as acted on', () => {
    const decision = kept('old', {
      approvalStatus: 'suspended',
      deployDateTime: earlier,
      everRecommended: true,
    });
    const result = mergeDecisions([superseded], [decision], manual, now);

    assert.equal(result.inventory[0]?.category, 'previouslyApproved');
    assert.equal(result.inventory[0]?.deployDateTime, unsetDeployDateTime);
  });

  test('a superseded driver that was declined or never reviewed is other', () => {
    for (const approvalStatus of ['declined', 'needsReview'] as const) {
      const decision = kept('old', { approvalStatus, everRecommended: true });
      const result = mergeDecisions([superseded], [decision], manual, now);

      assert.equal(result.inventory[0]?.category, 'other', approvalStatus);
    }
  });

  test('an approved driver that was never recommended is other', () => {
    const decision = kept('old', { approvalStatus: 'approved', deployDateTime: earlier });
    const result = mergeDecisions([superseded], [decision], manual, now);

    assert.equal(result.inventory[0]?.category, 'other');
  });

  test('an approved driver that is still recommended stays recommended', () => {
    const decision = kept('a', {
      approvalStatus: 'approved',
      deployDateTime: earlier,
      everRecommended: true,
    });
    const result = mergeDecisions([computed('a', true)], [decision], manual, now);

    assert.equal(result.inventory[0]?.category, 'recommended');
  });
});

test('the inventory rows carry the computed fields unchanged', () => {
  const result = mergeDecisions([computed('a', false)], [], manual, now);

  assert.deepEqual(result.inventory[0], {
    driverId: 'a',
    name: 'Contoso - Net - a',
    version: '1.2.3.4',
    manufacturer: 'Contoso',
    releaseDateTime: '2025-11-01T00:00:00.000Z',
    driverClass: 'Networking',
    applicableDeviceCount: 3,
    category: 'other',
    approvalStatus: 'needsReview',
    deployDateTime: unsetDeployDateTime,
  });
});
