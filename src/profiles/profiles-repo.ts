// SQL for profiles and their assignments. Every statement is scoped by tenant.
import type { Db } from '../store/store.js';
import type { AssignmentTable, ProfileTable } from '../store/schema.js';

/** With `lock`, the row stays locked until the transaction ends (backends with row locks). */
export async function findProfile(
  db: Db,
  tenantId: string,
  id: string,
  lock = false,
): Promise<ProfileTable | undefined> {
  return db
    .selectFrom('profiles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function insertProfile(db: Db, row: ProfileTable): Promise<void> {
  await db.insertInto('profiles').values(row).execute();
}

export async function updateProfile(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<ProfileTable>,
): Promise<void> {
  await db
    .updateTable('profiles')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Removes a profile with everything that hangs off it, decisions included. */
export async function deleteProfile(db: Db, tenantId: string, id: string): Promise<boolean> {
  const scoped = { tenant: tenantId, profile: id };
  for (const table of ['profile_assignments', 'inventory', 'decisions', 'sync_jobs'] as const) {
    await db
      .deleteFrom(table)
      .where('tenant_id', '=', scoped.tenant)
      .where('profile_id', '=', scoped.profile)
      .execute();
  }
  const result = await db
    .deleteFrom('profiles')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}

export async function listAssignments(
  db: Db,
  tenantId: string,
  profileIds: readonly string[],
): Promise<AssignmentTable[]> {
  if (profileIds.length === 0) return [];

  return db
    .selectFrom('profile_assignments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('profile_id', 'in', profileIds)
    .orderBy('profile_id')
    .orderBy('id')
    .execute();
}

export async function findAssignment(
  db: Db,
  tenantId: string,
  profileId: string,
  id: string,
): Promise<AssignmentTable | undefined> {
  return db
    .selectFrom('profile_assignments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function replaceAssignments(
  db: Db,
  tenantId: string,
  profileId: string,
  rows: readonly AssignmentTable[],
): Promise<void> {
  await db
    .deleteFrom('profile_assignments')
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .execute();
  if (rows.length > 0)
    await db
      .insertInto('profile_assignments')
      .values([...rows])
      .execute();
}

export async function insertAssignment(db: Db, row: AssignmentTable): Promise<void> {
  await db.insertInto('profile_assignments').values(row).execute();
}

export async function updateAssignment(db: Db, row: AssignmentTable): Promise<void> {
  await db
    .updateTable('profile_assignments')
    .set({
      target_type: row.target_type,
      group_id: row.group_id,
      filter_id: row.filter_id,
      filter_type: row.filter_type,
    })
    .where('tenant_id', '=', row.tenant_id)
    .where('profile_id', '=', row.profile_id)
    .where('id', '=', row.id)
    .execute();
}

export async function deleteAssignment(
  db: Db,
  tenantId: string,
  profileId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('profile_assignments')
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .where('id', '=', id)
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}
