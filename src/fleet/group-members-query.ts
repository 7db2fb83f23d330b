// The members of a group as Graph lists them: `members` are the direct ones, `transitiveMembers`
// also those of every group nested inside, at any depth. Either list can be narrowed to one
// kind of directory object, as the casts `/microsoft.graph.device` and `/microsoft.graph.group`
// do.
import { sql } from 'kysely';
import type { Db } from '../store/store.js';
import type { MemberType } from './group-repo.js';
import { withGroupsReached } from './group-resolution.js';

export type MemberScope = 'direct' | 'transitive';

/** A subquery of the ids of the group's members of one kind. */
export function memberIds(
  db: Db,
  tenantId: string,
  groupId: string,
  scope: MemberScope,
  type: MemberType,
) {
  if (scope === 'direct') {
    return db
      .selectFrom('group_members')
      .select('member_id')
      .where('tenant_id', '=', tenantId)
      .where('group_id', '=', groupId)
      .where('member_type', '=', type);
  }

  // A group inside a membership cycle reaches itself; it is not its own member.
  return withGroupsReached(db, tenantId, [groupId])
    .selectFrom('group_members')
    .select('group_members.member_id')
    .where('group_members.tenant_id', '=', tenantId)
    .where('group_members.member_type', '=', type)
    .where('group_members.group_id', 'in', (eb) => eb.selectFrom('reach').select('group_id'))
    .where('group_members.member_id', '!=', groupId);
}

/** Members of both kinds as one list, ready for OData options over id and displayName. */
export function membersOf(db: Db, tenantId: string, groupId: string, scope: MemberScope) {
  const devices = db
    .selectFrom('devices')
    .select(['id', sql.lit('device').as('member_type'), 'display_name', 'search_display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', memberIds(db, tenantId, groupId, scope, 'device'));
  const groups = db
    .selectFrom('groups')
    .select(['id', sql.lit('group').as('member_type'), 'display_name', 'search_display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', memberIds(db, tenantId, groupId, scope, 'group'));

  return db.selectFrom(devices.unionAll(groups).as('members'));
}
