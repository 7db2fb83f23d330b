// Reads and writes of a profile's driver list and decisions, for the sync pipeline's commit.
import type { Insertable } from 'kysely';
import type {
  DecisionWrite,
  KeptDecision,
  MergedInventoryRow,
} from '../approval/merge-decisions.js';
import type { ApprovalStatus } from '../approval/transitions.js';
import type { DecisionTable, InventoryTable } from '../store/schema.js';
import type { Db } from '../store/store.js';

export interface ProfileKey {
  readonly tenantId: string;
  readonly profileId: string;
}

// Ten columns a row: 500 rows stay far below SQLite's 32,766 bound parameters per statement.
const rowsPerInsert = 500;

export async function loadDecisions(db: Db, key: ProfileKey): Promise<KeptDecision[]> {
  const rows = await db
    .selectFrom('decisions')
    .select(['driver_id', 'approval_status', 'deploy_at', 'first_seen_at', 'ever_recommended'])
    .where('tenant_id', '=', key.tenantId)
    .where('profile_id', '=', key.profileId)
    .execute();

  return rows.map((row) => ({
    driverId: row.driver_id,
    approvalStatus: row.approval_status as ApprovalStatus,
    deployDateTime: row.deploy_at,
    firstSeenAt: row.first_seen_at,
    everRecommended: row.ever_recommended === 1,
  }));
}

/** Swaps the profile's list for `rows`; call inside the transaction that commits the sync. */
export async function replaceInventory(
  db: Db,
  key: ProfileKey,
  rows: readonly MergedInventoryRow[],
): Promise<void> {
  await db
    .deleteFrom('inventory')
    .where('tenant_id', '=', key.tenantId)
    .where('profile_id', '=', key.profileId)
    .execute();

  const values = rows.map((row): Insertable<InventoryTable> => ({
    tenant_id: key.tenantId,
    profile_id: key.profileId,
    driver_id: row.driverId,
    name: row.name,
    version: row.version,
    manufacturer: row.manufacturer,
    release_at: row.releaseDateTime,
    driver_class: row.driverClass,
    applicable_device_count: row.applicableDeviceCount,
    category: row.category,
  }));
  for (const chunk of chunks(values, rowsPerInsert)) {
    await db.insertInto('inventory').values(chunk).execute();
  }
}

/**
 * Stores new decisions and the changes a sync made to kept ones. A change of status only
 * applies while the status is still the one the sync saw, so an admin's concurrent action wins.
 */
export async function writeDecisions(
  db: Db,
  key: ProfileKey,
  writes: readonly DecisionWrite[],
  now: Date,
): Promise<void> {
  const inserts = writes.flatMap((write) =>
    write.kind === 'insert' ? [toDecisionRow(key, write.decision, write.decidedAt)] : [],
  );
  for (const chunk of chunks(inserts, rowsPerInsert)) {
    await db
      .insertInto('decisions')
      .values(chunk)
      .onConflict((oc) => oc.columns(['tenant_id', 'profile_id', 'driver_id']).doNothing())
      .execute();
  }

  for (const write of writes) {
    if (write.kind !== 'update') continue;

    const { decision, previousStatus } = write;
    const row = db
      .updateTable('decisions')
      .where('tenant_id', '=', key.tenantId)
      .where('profile_id', '=', key.profileId)
      .where('driver_id', '=', decision.driverId);
    if (decision.everRecommended) await row.set({ ever_recommended: 1 }).execute();
    if (decision.approvalStatus !== previousStatus) {
      await row
        .set({
          approval_status: decision.approvalStatus,
          deploy_at: decision.deployDateTime,
          decided_at: now.toISOString(),
        })
        .where('approval_status', '=', previousStatus)
        .execute();
    }
  }
}

function toDecisionRow(
  key: ProfileKey,
  decision: KeptDecision,
  decidedAt: string | null,
): Insertable<DecisionTable> {
  return {
    tenant_id: key.tenantId,
    profile_id: key.profileId,
    driver_id: decision.driverId,
    approval_status: decision.approvalStatus,
    deploy_at: decision.deployDateTime,
    first_seen_at: decision.firstSeenAt,
    decided_at: decidedAt,
    ever_recommended: decision.everRecommended ? 1 : 0,
  };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
  }
}
