// Which devices a set of groups reaches, through nested groups at any depth. The recursive
// query's UNION (not UNION ALL) drops rows it has already produced, so a membership cycle ends
// the walk instead of looping.
import type { Db } from '../store/store.js';

/** A query builder with `reach(group_id)`: the groups and every group nested in them. */
export function withGroupsReached(db: Db, tenantId: string, groupIds: readonly string[]) {
  return db.withRecursive('reach(group_id)', (qb) =>
    qb
      .selectFrom('groups')
      .select('groups.id as group_id')
      .where('groups.tenant_id', '=', tenantId)
      .where((eb) => (groupIds.length > 0 ? eb('groups.id', 'in', groupIds) : eb.lit(false)))
      .union((inner) =>
        inner
          .selectFrom('group_members')
          .innerJoin('reach', 'reach.group_id', 'group_members.group_id')
          .select('group_members.member_id as group_id')
          .where('group_members.tenant_id', '=', tenantId)
          .where('group_members.member_type', '=', 'group'),
      ),
  );
}

/** A subquery of the directory ids of every device in the groups, nested members included. */
export function devicesInGroups(db: Db, tenantId: string, groupIds: readonly string[]) {
  return withGroupsReached(db, tenantId, groupIds)
    .selectFrom('group_members')
    .select('group_members.member_id')
    .distinct()
    .where('group_members.tenant_id', '=', tenantId)
    .where('group_members.member_type', '=', 'device')
    .where('group_members.group_id', 'in', (eb) => eb.selectFrom('reach').select('group_id'));
}

/** The directory ids (Graph's `id`) of the devices the groups reach, sorted. */
export async function resolveDevices(
  db: Db,
  tenantId: string,
  groupIds: readonly string[],
): Promise<string[]> {
  if (groupIds.length === 0) return [];

  const rows = await devicesInGroups(db, tenantId, groupIds).execute();

  return rows.map((row) => row.member_id).sort();
}
