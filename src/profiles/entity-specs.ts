// The OData view of the profile tables: which JSON properties exist, and the only columns that
// query options may reach.
import { defineEntity } from '../graph/odata/entity-spec.js';
import { approvalStatuses } from '../approval/transitions.js';

const dateTime = (name: string, column: string) =>
  ({
    name,
    column,
    type: 'dateTimeOffset',
    filterable: true,
    sortable: true,
    nullable: false,
  }) as const;

export const assignmentSpec = defineEntity({
  typeName: 'windowsDriverUpdateProfileAssignment',
  key: 'id',
  properties: [
    { name: 'id', column: 'id', type: 'string', filterable: true, sortable: true, nullable: false },
    {
      name: 'target',
      column: 'target_type',
      type: 'complex',
      filterable: false,
      sortable: false,
      nullable: false,
      properties: [
        {
          name: 'groupId',
          column: 'group_id',
          type: 'string',
          filterable: true,
          sortable: true,
          nullable: true,
        },
      ],
    },
  ],
});

export const inventorySpec = defineEntity({
  typeName: 'windowsDriverUpdateInventory',
  key: 'driver_id',
  searchable: ['name', 'manufacturer'],
  properties: [
    {
      name: 'id',
      column: 'driver_id',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'name',
      column: 'name',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'version',
      column: 'version',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    {
      name: 'manufacturer',
      column: 'manufacturer',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    dateTime('releaseDateTime', 'release_at'),
    {
      name: 'driverClass',
      column: 'driver_class',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    {
      name: 'applicableDeviceCount',
      column: 'applicable_device_count',
      type: 'int',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'approvalStatus',
      column: 'approval_status',
      type: 'enum',
      enumValues: approvalStatuses,
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'category',
      column: 'category',
      type: 'enum',
      enumValues: ['recommended', 'previouslyApproved', 'other'],
      filterable: true,
      sortable: true,
      nullable: false,
    },
    dateTime('deployDateTime', 'deploy_at'),
  ],
});

export const profileSpec = defineEntity({
  typeName: 'windowsDriverUpdateProfile',
  key: 'id',
  searchable: ['display_name', 'description'],
  expandable: { assignments: assignmentSpec, driverInventories: inventorySpec },
  properties: [
    { name: 'id', column: 'id', type: 'guid', filterable: true, sortable: true, nullable: false },
    {
      name: 'displayName',
      column: 'display_name',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'description',
      column: 'description',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    {
      name: 'approvalType',
      column: 'approval_type',
      type: 'enum',
      enumValues: ['manual', 'automatic'],
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'deploymentDeferralInDays',
      column: 'deployment_deferral_in_days',
      type: 'int',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    {
      name: 'deviceReporting',
      column: 'device_reporting',
      type: 'int',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'newUpdates',
      column: 'new_updates',
      type: 'int',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    dateTime('createdDateTime', 'created_at'),
    dateTime('lastModifiedDateTime', 'last_modified_at'),
    {
      name: 'roleScopeTagIds',
      column: 'role_scope_tag_ids',
      type: 'collection',
      filterable: false,
      sortable: false,
      nullable: false,
    },
    {
      name: 'inventorySyncStatus',
      column: 'sync_state',
      type: 'complex',
      filterable: false,
      sortable: false,
      nullable: true,
      properties: [
        {
          name: 'driverInventorySyncState',
          column: 'sync_state',
          type: 'enum',
          enumValues: ['pending', 'success', 'failure'],
          filterable: true,
          sortable: true,
          nullable: false,
        },
        {
          name: 'lastSuccessfulSyncDateTime',
          column: 'last_successful_sync_at',
          type: 'dateTimeOffset',
          filterable: true,
          sortable: true,
          nullable: true,
        },
      ],
    },
  ],
});
