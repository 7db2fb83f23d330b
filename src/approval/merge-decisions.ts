// Joins a freshly computed driver list with the decisions a profile keeps. Decisions outlive the
// list: a sync adds and updates them but never removes one, so an approval survives age-out and
// re-appearance of its driver.
import type { ApprovalStatus } from './transitions.js';

/** One applicable driver update as a sync computes it, before any decision is applied. */
export interface ComputedInventoryRow {
  readonly driverId: string;
  readonly name: string;
  readonly version: string | null;
  readonly manufacturer: string | null;
  readonly releaseDateTime: string;
  readonly driverClass: string | null;
  readonly applicableDeviceCount: number;
  /** The driver Windows Update would pick automatically for at least one device. */
  readonly recommended: boolean;
}

export interface KeptDecision {
  readonly driverId: string;
  readonly approvalStatus: ApprovalStatus;
  readonly deployDateTime: string | null;
  readonly firstSeenAt: string;
  readonly everRecommended: boolean;
}

export interface MergeProfile {
  readonly approvalType: 'manual' | 'automatic';
  readonly deploymentDeferralInDays: number | null;
}

export type InventoryCategory = 'recommended' | 'previouslyApproved' | 'other';

export interface MergedInventoryRow extends Omit<ComputedInventoryRow, 'recommended'> {
  readonly category: InventoryCategory;
  readonly approvalStatus: ApprovalStatus;
  readonly deployDateTime: string;
}

export type DecisionWrite =
  | { readonly kind: 'insert'; readonly decision: KeptDecision; readonly decidedAt: string | null }
  | {
      readonly kind: 'update';
      readonly decision: KeptDecision;
      /** The status the update was computed from, so a concurrent admin action is not undone. */
      readonly previousStatus: ApprovalStatus;
    };

export interface MergeResult {
  readonly inventory: readonly MergedInventoryRow[];
  readonly decisions: readonly DecisionWrite[];
  /** Drivers awaiting review. */
  readonly newUpdates: number;
}

/** What Graph reports as the deploy time of a driver that is not approved. */
export const unsetDeployDateTime = '0001-01-01T00:00:00Z';

const dayMs = 24 * 60 * 60 * 1000;

export function mergeDecisions(
  computed: readonly ComputedInventoryRow[],
  kept: readonly KeptDecision[],
  profile: MergeProfile,
  now: Date,
): MergeResult {
  const keptById = new Map(kept.map((decision) => [decision.driverId, decision]));
  const inventory: MergedInventoryRow[] = [];
  const decisions: DecisionWrite[] = [];

  for (const row of computed) {
    const previous = keptById.get(row.driverId);
    const decision = previous ? revisit(previous, row, profile, now) : arrive(row, profile, now);
    if (!previous) {
      const decidedAt = decision.approvalStatus === 'approved' ? now.toISOString() : null;
      decisions.push({ kind: 'insert', decision, decidedAt });
    } else if (differs(previous, decision)) {
      decisions.push({ kind: 'update', decision, previousStatus: previous.approvalStatus });
    }

    inventory.push(toInventoryRow(row, decision));
  }

  const newUpdates = inventory.filter((row) => row.approvalStatus === 'needsReview').length;

  return { inventory, decisions, newUpdates };
}

function arrive(row: ComputedInventoryRow, profile: MergeProfile, now: Date): KeptDecision {
  const base = {
    driverId: row.driverId,
    firstSeenAt: now.toISOString(),
    everRecommended: row.recommended,
  };
  if (profile.approvalType === 'automatic' && row.recommended) {
    return { ...base, approvalStatus: 'approved', deployDateTime: deferred(now, profile) };
  }

  return { ...base, approvalStatus: 'needsReview', deployDateTime: null };
}

// A driver that first showed up as `other` and nobody reviewed is treated, on an automatic
// profile, like a new recommended driver the first time it becomes recommended: the deferral
// then counts from that moment, not from when it first appeared as a lesser option.
function revisit(
  previous: KeptDecision,
  row: ComputedInventoryRow,
  profile: MergeProfile,
  now: Date,
): KeptDecision {
  const everRecommended = previous.everRecommended || row.recommended;
  const promote =
    profile.approvalType === 'automatic' &&
    row.recommended &&
    !previous.everRecommended &&
    previous.approvalStatus === 'needsReview';
  if (promote) {
    return {
      ...previous,
      everRecommended,
      approvalStatus: 'approved',
      deployDateTime: deferred(now, profile),
    };
  }

  return { ...previous, everRecommended };
}

function differs(a: KeptDecision, b: KeptDecision): boolean {
  return (
    a.approvalStatus !== b.approvalStatus ||
    a.deployDateTime !== b.deployDateTime ||
    a.everRecommended !== b.everRecommended
  );
}

// Approved and suspended both count as acted on: suspension is only reachable from approval,
// so a suspended driver was approved by someone. A declined one was not, and shows as other.
function categoryOf(row: ComputedInventoryRow, decision: KeptDecision): InventoryCategory {
  if (row.recommended) return 'recommended';

  const actedOn = decision.approvalStatus === 'approved' || decision.approvalStatus === 'suspended';

  return decision.everRecommended && actedOn ? 'previouslyApproved' : 'other';
}

function toInventoryRow(row: ComputedInventoryRow, decision: KeptDecision): MergedInventoryRow {
  const deployDateTime =
    decision.approvalStatus === 'approved' && decision.deployDateTime
      ? decision.deployDateTime
      : unsetDeployDateTime;

  return {
    driverId: row.driverId,
    name: row.name,
    version: row.version,
    manufacturer: row.manufacturer,
    releaseDateTime: row.releaseDateTime,
    driverClass: row.driverClass,
    applicableDeviceCount: row.applicableDeviceCount,
    category: categoryOf(row, decision),
    approvalStatus: decision.approvalStatus,
    deployDateTime,
  };
}

function deferred(now: Date, profile: MergeProfile): string {
  const days = profile.approvalType === 'automatic' ? (profile.deploymentDeferralInDays ?? 0) : 0;

  return new Date(now.getTime() + days * dayMs).toISOString();
}
