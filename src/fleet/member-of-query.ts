// The groups a device or group belongs to, as Graph lists them: `memberOf` the groups that hold
// it directly, `transitiveMemberOf` also every group that holds one of those, at any depth.
import type { Db } from '../store/store.js';
import type { MemberScope } from './group-members-query.js';

/** A subquery of the ids of the groups that hold the directory object `memberId`. */
export function groupIdsHolding(db: Db, tenantId: string, memberId: string, scope: MemberScope) {
  if (scope === 'direct') {
    return db
      .selectFrom('group_members')
      .select('group_id')
      .where('tenant_id', '=', tenantId)
      .where('member_id', '=', memberId);
  }

  // UNION drops what it has already produced, so a membership cycle ends the climb; a group in
  // a cycle reaches itself, but does not belong to itself.
  return db
    .withRecursive('holders(group_id)', (qb) =>
      qb
        .selectFrom('group_members')
        .select('group_id')
        .where('tenant_id', '=', tenantId)
        .where('member_id', '=', memberId)
        .union((inner) =>
          inner
            .selectFrom('group_members')
            .innerJoin('holders', 'holders.group_id', 'group_members.member_id')
            .select('group_members.group_id')
            .where('group_members.tenant_id', '=', tenantId)
            .where('group_members.member_type', '=', 'group'),
        ),
    )
    .selectFrom('holders')
    .select('group_id')
    .where('group_id', '!=', memberId);
}
