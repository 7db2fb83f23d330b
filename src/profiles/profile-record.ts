import type { ProfileTable } from '../store/schema.js';

/** A never-synced profile reports Graph's minimum date-time, as Intune does. */
export const minDateTime = '0001-01-01T00:00:00Z';

export function profileJson(row: ProfileTable): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.windowsDriverUpdateProfile',
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    approvalType: row.approval_type,
    deviceReporting: row.device_reporting,
    newUpdates: row.new_updates,
    deploymentDeferralInDays: row.deployment_deferral_in_days,
    roleScopeTagIds: JSON.parse(row.role_scope_tag_ids) as string[],
    createdDateTime: row.created_at,
    lastModifiedDateTime: row.last_modified_at,
    inventorySyncStatus: {
      '@odata.type': '#microsoft.graph.windowsDriverUpdateProfileInventorySyncStatus',
      driverInventorySyncState: row.sync_state,
      lastSuccessfulSyncDateTime: row.last_successful_sync_at ?? minDateTime,
    },
  };
}
