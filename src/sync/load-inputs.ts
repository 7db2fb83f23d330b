// Gathers what a sync of one profile weighs: the devices its assignments reach and the catalog.
import { loadCatalog } from '../catalog/catalog-repo.js';
import type { ConfiguredNode } from '../fleet/configuration-of.js';
import { loadAssignedConfigurations } from '../fleet/fleet-repo-assigned.js';
import type { Db } from '../store/store.js';
import type { SyncInputs } from './compute-inventory.js';

/** Which devices a profile's assignments reach; exclusions win over inclusions. */
export interface AssignmentScope {
  readonly allDevices: boolean;
  readonly includedGroupIds: readonly string[];
  readonly excludedGroupIds: readonly string[];
}

export interface LoadedSyncInputs extends SyncInputs {
  readonly scope: AssignmentScope;
}

export async function loadSyncInputs(
  db: Db,
  tenantId: string,
  profileId: string,
): Promise<LoadedSyncInputs> {
  const scope = await loadAssignmentScope(db, tenantId, profileId);
  const { configurations, nodes } = await loadAssignedConfigurations(db, tenantId, scope);
  if (configurations.length === 0) {
    return { scope, configurations, catalog: { packages: [], matchRows: [] } };
  }

  // Only catalog rows that some assigned device could match are worth reading.
  const catalog = await loadCatalog(db, tenantId, reportedIds(nodes.values()));

  return {
    scope,
    configurations,
    catalog: { packages: catalog.packages, matchRows: catalog.rows },
  };
}

// Distinct nodes only: configurations share them, and stored IDs are upper-cased already.
function reportedIds(nodes: Iterable<ConfiguredNode>): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes) {
    for (const id of node.hardwareIds) ids.add(id);
    for (const id of node.compatibleIds) ids.add(id);
  }

  return ids;
}

export async function loadAssignmentScope(
  db: Db,
  tenantId: string,
  profileId: string,
): Promise<AssignmentScope> {
  const rows = await db
    .selectFrom('profile_assignments')
    .select(['target_type', 'group_id'])
    .where('tenant_id', '=', tenantId)
    .where('profile_id', '=', profileId)
    .orderBy('id')
    .execute();
  const included = new Set<string>();
  const excluded = new Set<string>();
  let allDevices = false;

  for (const row of rows) {
    const type = row.target_type.replace(/^#?microsoft\.graph\./, '');
    if (type === 'allDevicesAssignmentTarget') allDevices = true;
    else if (type === 'groupAssignmentTarget' && row.group_id) included.add(row.group_id);
    else if (type === 'exclusionGroupAssignmentTarget' && row.group_id) excluded.add(row.group_id);
  }

  return {
    allDevices,
    includedGroupIds: [...included],
    excludedGroupIds: [...excluded],
  };
}
