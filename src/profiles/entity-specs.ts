// The OData view of the profile tables: which JSON properties exist, and the only columns that
// query options may reach.
import { defineEntity, property } from '../graph/odata/index.js';
import { approvalStatuses } from '../approval/transitions.js';

const nullable = { nullable: true } as const;
const opaque = { filterable: false, sortable: false } as const;

export const assignmentSpec = defineEntity({
  typeName: 'windowsDriverUpdateProfileAssignment',
  key: 'id',
  properties: [
    property('id', 'id', 'string'),
    property('target', 'target_type', 'complex', {
      ...opaque,
      properties: [property('groupId', 'group_id', 'string', nullable)],
    }),
  ],
});

export const inventorySpec = defineEntity({
  typeName: 'windowsDriverUpdateInventory',
  key: 'driver_id',
  searchable: ['name', 'manufacturer'],
  properties: [
    property('id', 'driver_id', 'string'),
    property('name', 'name', 'string'),
    property('version', 'version', 'string', nullable),
    property('manufacturer', 'manufacturer', 'string', nullable),
    property('releaseDateTime', 'release_at', 'dateTimeOffset'),
    property('driverClass', 'driver_class', 'string', nullable),
    property('applicableDeviceCount', 'applicable_device_count', 'int'),
    property('approvalStatus', 'approval_status', 'enum', {
      enumValues: approvalStatuses,
      enumType: 'driverApprovalStatus',
    }),
    property('category', 'category', 'enum', {
      enumValues: ['recommended', 'previouslyApproved', 'other'],
      enumType: 'driverCategory',
    }),
    property('deployDateTime', 'deploy_at', 'dateTimeOffset'),
  ],
});

export const profileSpec = defineEntity({
  typeName: 'windowsDriverUpdateProfile',
  key: 'id',
  searchable: ['display_name', 'description'],
  expandable: { assignments: assignmentSpec, driverInventories: inventorySpec },
  properties: [
    property('id', 'id', 'guid'),
    property('displayName', 'display_name', 'string'),
    property('description', 'description', 'string', nullable),
    property('approvalType', 'approval_type', 'enum', {
      enumValues: ['manual', 'automatic'],
      enumType: 'driverUpdateProfileApprovalType',
    }),
    property('deploymentDeferralInDays', 'deployment_deferral_in_days', 'int', nullable),
    property('deviceReporting', 'device_reporting', 'int'),
    property('newUpdates', 'new_updates', 'int'),
    property('createdDateTime', 'created_at', 'dateTimeOffset'),
    property('lastModifiedDateTime', 'last_modified_at', 'dateTimeOffset'),
    property('roleScopeTagIds', 'role_scope_tag_ids', 'collection', opaque),
    property('inventorySyncStatus', 'sync_state', 'complex', {
      ...opaque,
      nullable: true,
      properties: [
        property('driverInventorySyncState', 'sync_state', 'enum', {
          enumValues: ['pending', 'success', 'failure'],
          enumType: 'windowsDriverUpdateProfileInventorySyncState',
        }),
        property(
          'lastSuccessfulSyncDateTime',
          'last_successful_sync_at',
          'dateTimeOffset',
          nullable,
        ),
      ],
    }),
  ],
});
