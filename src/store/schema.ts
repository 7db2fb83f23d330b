// Table shapes as Kysely sees them. Every table leads with tenant_id; date-times are ISO 8601
// UTC text with milliseconds (so text order is time order on every backend); booleans are 0/1.
import type { Generated } from 'kysely';

export interface ProfileTable {
  tenant_id: string;
  id: string;
  display_name: string;
  description: string | null;
  approval_type: string;
  deployment_deferral_in_days: number | null;
  role_scope_tag_ids: string;
  created_at: string;
  last_modified_at: string;
  sync_state: string;
  last_successful_sync_at: string | null;
  last_sync_requested_at: string | null;
  device_reporting: number;
  new_updates: number;
}

export interface AssignmentTable {
  tenant_id: string;
  profile_id: string;
  id: string;
  target_type: string;
  group_id: string | null;
  filter_id: string | null;
  filter_type: string;
}

export interface InventoryTable {
  tenant_id: string;
  profile_id: string;
  driver_id: string;
  name: string;
  version: string | null;
  manufacturer: string | null;
  release_at: string;
  driver_class: string | null;
  applicable_device_count: number;
  category: string;
}

export interface DecisionTable {
  tenant_id: string;
  profile_id: string;
  driver_id: string;
  approval_status: string;
  deploy_at: string | null;
  first_seen_at: string;
  decided_at: string | null;
  ever_recommended: number;
}

export interface SyncJobTable {
  tenant_id: string;
  id: string;
  profile_id: string;
  state: string;
  trigger: string;
  created_at: string;
  run_after: string;
  started_at: string | null;
  finished_at: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
  error: string | null;
}

export interface ServiceStateTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

export interface Database {
  profiles: ProfileTable;
  profile_assignments: AssignmentTable;
  inventory: InventoryTable;
  decisions: DecisionTable;
  sync_jobs: SyncJobTable;
}
