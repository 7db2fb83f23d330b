// `$expand=members` on groups: each group's direct members, devices and groups in their own
// shapes. Graph returns at most 20 objects for an expanded directory relationship; so does this.
import type { Db } from '../store/store.js';
import { directoryObjectsById } from './directory-object-json.js';

export const expandedMembersLimit = 20;

/** The first members of each group, by member id, keyed by group id. */
export async function expandedMembers(
  db: Db,
  tenantId: string,
  groupIds: readonly string[],
): Promise<Map<string, Record<string, unknown>[]>> {
  const expanded = new Map(groupIds.map((id) => [id, [] as Record<string, unknown>[]]));
  if (groupIds.length === 0) return expanded;

  const links = await db
    .selectFrom('group_members')
    .select(['group_id', 'member_id'])
    .where('tenant_id', '=', tenantId)
    .where('group_id', 'in', groupIds)
    .orderBy('group_id')
    .orderBy('member_id')
    .execute();
  const firstLinks = links.filter(
    (link, at) =>
      at < expandedMembersLimit || links[at - expandedMembersLimit]!.group_id !== link.group_id,
  );
  const objects = await directoryObjectsById(
    db,
    tenantId,
    firstLinks.map((link) => link.member_id),
  );
  for (const link of firstLinks) {
    const json = objects.get(link.member_id);
    if (json !== undefined) expanded.get(link.group_id)!.push(json);
  }

  return expanded;
}
