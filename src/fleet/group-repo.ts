// SQL for groups and their direct members. Every statement is scoped by tenant.
import type { Updateable } from 'kysely';
import type { Db } from '../store/store.js';
import type { GroupMemberTable, GroupTable } from '../store/schema.js';

export type MemberType = GroupMemberTable['member_type'];

export function groupsOf(db: Db, tenantId: string) {
  return db.selectFrom('groups').where('tenant_id', '=', tenantId);
}

export async function findGroup(
  db: Db,
  tenantId: string,
  id: string,
): Promise<GroupTable | undefined> {
  return groupsOf(db, tenantId).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupsByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<GroupTable[]> {
  if (ids.length === 0) return [];

  return groupsOf(db, tenantId).selectAll().where('id', 'in', ids).execute();
}

export async function insertGroup(db: Db, row: GroupTable): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

export async function updateGroup(
  db: Db,
  tenantId: string,
  id: string,
  changes: Updateable<GroupTable>,
): Promise<void> {
  // A body that only binds members changes no column, and SQL has no empty SET.
  if (Object.keys(changes).length === 0) return;

  await db
    .updateTable('groups')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Removes the group, its own memberships and its membership in other groups. */
export async function deleteGroup(db: Db, tenantId: string, id: string): Promise<boolean> {
  await db
    .deleteFrom('group_members')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('group_id', '=', id), eb('member_id', '=', id)]))
    .execute();
  const result = await db
    .deleteFrom('groups')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}

/** Which kind of directory object an id names in the tenant, or null when none. */
export async function directoryObjectType(
  db: Db,
  tenantId: string,
  id: string,
): Promise<MemberType | null> {
  const device = await db
    .selectFrom('devices')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (device) return 'device';

  const group = await findGroup(db, tenantId, id);

  return group ? 'group' : null;
}

/** Adds a direct member; false when it was a member already. */
export async function addMember(
  db: Db,
  tenantId: string,
  groupId: string,
  memberId: string,
  memberType: MemberType,
): Promise<boolean> {
  const result = await db
    .insertInto('group_members')
    .values({
      tenant_id: tenantId,
      group_id: groupId,
      member_id: memberId,
      member_type: memberType,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'group_id', 'member_id']).doNothing())
    .executeTakeFirst();

  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Adds many direct members at once, in chunks that stay under bound-parameter limits. */
export async function addMembers(
  db: Db,
  tenantId: string,
  groupId: string,
  members: readonly { readonly id: string; readonly type: MemberType }[],
): Promise<void> {
  const rows = members.map((member) => ({
    tenant_id: tenantId,
    group_id: groupId,
    member_id: member.id,
    member_type: member.type,
  }));

  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    await db
      .insertInto('group_members')
      .values(rows.slice(start, start + rowsPerInsert))
      .onConflict((oc) => oc.columns(['tenant_id', 'group_id', 'member_id']).doNothing())
      .execute();
  }
}

export async function removeMember(
  db: Db,
  tenantId: string,
  groupId: string,
  memberId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('group_members')
    .where('tenant_id', '=', tenantId)
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}

const rowsPerInsert = 200;
