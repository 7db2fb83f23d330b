// Inventory rows joined with the kept decisions: the approval status lives in decisions so it
// outlasts the rows that syncs replace.
import { sql } from 'kysely';
import type { Db } from '../store/store.js';
import type { DecisionTable } from '../store/schema.js';

export interface InventoryView {
  driver_id: string;
  name: string;
  version: string | null;
  manufacturer: string | null;
  release_at: string;
  driver_class: string | null;
  applicable_device_count: number;
  category: string;
  approval_status: string;
  deploy_at: string | null;
}

/** The profile's inventory as one queryable relation named `inv`. */
export function inventoryView(db: Db, tenantId: string, profileId: string) {
  return inventoryOfProfiles(db, tenantId, [profileId]);
}

/** The inventories of several profiles in one relation, each row with its `profile_id`. */
export function inventoryOfProfiles(db: Db, tenantId: string, profileIds: readonly string[]) {
  const rows = db
    .selectFrom('inventory as i')
    .leftJoin('decisions as d', (join) =>
      join
        .onRef('d.tenant_id', '=', 'i.tenant_id')
        .onRef('d.profile_id', '=', 'i.profile_id')
        .onRef('d.driver_id', '=', 'i.driver_id'),
    )
    .where('i.tenant_id', '=', tenantId)
    .where('i.profile_id', 'in', profileIds)
    .select([
      'i.profile_id',
      'i.driver_id',
      'i.name',
      'i.version',
      'i.manufacturer',
      'i.release_at',
      'i.driver_class',
      'i.applicable_device_count',
      'i.category',
      sql<string>`coalesce(d.approval_status, 'needsReview')`.as('approval_status'),
      sql<string | null>`case when d.approval_status = 'approved' then d.deploy_at end`.as(
        'deploy_at',
      ),
    ]);

  return db.selectFrom(rows.as('inv'));
}

export async function findInventory(
  db: Db,
  tenantId: string,
  profileId: string,
  driverIds: readonly string[],
): Promise<InventoryView[]> {
  if (driverIds.length === 0) return [];

  return inventoryView(db, tenantId, profileId)
    .selectAll()
    .where('driver_id', 'in', driverIds)
    .execute() as Promise<InventoryView[]>;
}

export async function findDecisions(
  db: Db,
  tenantId: string,
  profileId: string,
  driverIds: readonly string[],
): Promise<DecisionTable[]> {
  if (driverIds.length === 0) return [];

  return db
    .selectFrom('decisions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .where('driver_id', 'in', driverIds)
    .execute();
}

/**
 * Stores a decision only while the driver still has the status it was read with (`needsReview`
 * also when no decision is kept), so a concurrent writer's decision is never overwritten
 * unseen. False when the status had changed and nothing was written.
 */
export async function saveDecision(
  db: Db,
  row: DecisionTable,
  readStatus: string,
): Promise<boolean> {
  const result = await db
    .insertInto('decisions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'profile_id', 'driver_id'])
        .doUpdateSet({
          approval_status: row.approval_status,
          deploy_at: row.deploy_at,
          decided_at: row.decided_at,
        })
        .where('decisions.approval_status', '=', readStatus),
    )
    .executeTakeFirst();

  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deleteInventoryRow(
  db: Db,
  tenantId: string,
  profileId: string,
  driverId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('inventory')
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .where('driver_id', '=', driverId)
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}

/** Keeps the profile's `newUpdates` counter equal to the drivers awaiting review. */
export async function refreshNewUpdates(db: Db, tenantId: string, profileId: string) {
  const row = await inventoryView(db, tenantId, profileId)
    .select(sql<number | string>`count(*)`.as('count'))
    .where('approval_status', '=', 'needsReview')
    .executeTakeFirst();
  await db
    .updateTable('profiles')
    .set({ new_updates: Number(row?.count ?? 0) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', profileId)
    .execute();
}
