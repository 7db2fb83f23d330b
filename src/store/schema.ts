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

export interface DeviceTable {
  tenant_id: string;
  /** The directory object id (Graph's `id`). */
  id: string;
  /** The device's own id (Graph's `deviceId`), the one its reports and tokens carry. */
  device_id: string;
  display_name: string;
  /** The tokens of display_name that directory `$search` matches (graph/odata/search-tokens.ts). */
  search_display_name: string;
  operating_system: string | null;
  operating_system_version: string | null;
  approximate_last_sign_in_at: string | null;
  created_at: string;
  configuration_key: string | null;
  reported_at: string | null;
}

export interface DeviceConfigurationTable {
  tenant_id: string;
  /** SHA-256 of the configuration's canonical JSON. */
  key: string;
  body: string;
  created_at: string;
}

/** One distinct device node, shared by every configuration that lists its key. */
export interface DeviceNodeTable {
  tenant_id: string;
  /** SHA-256 of the node's canonical JSON, base64url. */
  key: string;
  /** The node's canonical JSON. */
  body: string;
}

export interface GroupTable {
  tenant_id: string;
  id: string;
  display_name: string;
  description: string | null;
  /** The tokens that directory `$search` matches (graph/odata/search-tokens.ts). */
  search_display_name: string;
  search_description: string | null;
  mail_nickname: string;
  security_enabled: number;
  created_at: string;
}

export interface GroupMemberTable {
  tenant_id: string;
  group_id: string;
  member_id: string;
  member_type: 'device' | 'group';
}

export interface CatalogPackageTable {
  tenant_id: string;
  /** 64 hex digits: sha256 over the package's files. */
  id: string;
  name: string;
  inf_name: string;
  provider: string;
  manufacturer: string;
  inf_class: string;
  class_guid: string | null;
  driver_class: string;
  version: string;
  /** `YYYY-MM-DD` from DriverVer. */
  date: string;
  /** The same date as an ISO date-time, so OData date-time filters compare it as text. */
  version_at: string;
  signed: number;
  extension_id: string | null;
  publishing: string;
  /** JSON array of `{guid}` strings. */
  chids: string;
  /** Size in bytes of the INF as imported. */
  inf_size: number;
  imported_at: string;
}

export interface CatalogMatchRowTable {
  tenant_id: string;
  package_id: string;
  row_index: number;
  /** Upper-cased, so lookups compare exactly. */
  match_id: string;
  kind: string;
  position: number;
  manufacturer_index: number;
  architecture: string | null;
  os_major: number | null;
  os_minor: number | null;
  product_type: number | null;
  build: number | null;
  feature_score: number;
  install_section: string;
  date: string | null;
  version: string | null;
}

export interface ThrottleCounterTable {
  tenant_id: string;
  /** The counter's name within the tenant, e.g. its writes or one app's requests. */
  key: string;
  window_start: string;
  count: number;
}

export interface Database {
  profiles: ProfileTable;
  profile_assignments: AssignmentTable;
  inventory: InventoryTable;
  decisions: DecisionTable;
  sync_jobs: SyncJobTable;
  catalog_packages: CatalogPackageTable;
  catalog_match_rows: CatalogMatchRowTable;
  devices: DeviceTable;
  device_configurations: DeviceConfigurationTable;
  device_nodes: DeviceNodeTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  throttle_counters: ThrottleCounterTable;
}
