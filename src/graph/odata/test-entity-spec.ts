// A small entity, shaped like a driver inventory, that the tests of this folder share.
import { defineEntity } from './entity-spec.js';

const flags = { filterable: true, sortable: true } as const;

export const assignmentSpec = defineEntity({
  typeName: 'windowsDriverUpdateProfileAssignment',
  key: 'id',
  properties: [
    { name: 'id', column: 'id', type: 'guid', nullable: false, ...flags },
    {
      name: 'target',
      column: 'target',
      type: 'complex',
      nullable: false,
      filterable: false,
      sortable: false,
    },
  ],
});

export const driverSpec = defineEntity({
  typeName: 'sampleDriver',
  otherTypes: ['microsoft.graph.sampleFirmware'],
  key: 'id',
  searchable: ['name', 'manufacturer'],
  expandable: { assignments: assignmentSpec },
  properties: [
    { name: 'id', column: 'id', type: 'guid', nullable: false, ...flags },
    { name: 'name', column: 'name', type: 'string', nullable: false, ...flags },
    { name: 'version', column: 'version', type: 'string', nullable: true, ...flags },
    { name: 'manufacturer', column: 'manufacturer', type: 'string', nullable: true, ...flags },
    {
      name: 'releaseDateTime',
      column: 'release_at',
      type: 'dateTimeOffset',
      nullable: false,
      ...flags,
    },
    {
      name: 'applicableDeviceCount',
      column: 'device_count',
      type: 'int',
      nullable: false,
      ...flags,
    },
    {
      name: 'approvalStatus',
      column: 'approval_status',
      type: 'enum',
      enumValues: ['needsReview', 'declined', 'approved', 'suspended'],
      enumType: 'driverApprovalStatus',
      nullable: false,
      ...flags,
    },
    {
      name: 'category',
      column: 'category',
      type: 'enum',
      enumValues: ['recommended', 'previouslyApproved', 'other'],
      nullable: false,
      ...flags,
    },
    { name: 'isOptional', column: 'is_optional', type: 'boolean', nullable: false, ...flags },
    {
      name: 'notes',
      column: 'notes',
      type: 'string',
      nullable: true,
      filterable: false,
      sortable: false,
    },
    {
      name: 'tags',
      column: 'tags',
      type: 'collection',
      nullable: true,
      filterable: false,
      sortable: false,
    },
    {
      name: 'syncStatus',
      column: 'sync_status',
      type: 'complex',
      nullable: true,
      filterable: false,
      sortable: false,
      properties: [
        {
          name: 'state',
          column: 'sync_state',
          type: 'enum',
          enumValues: ['pending', 'success', 'failure'],
          nullable: false,
          ...flags,
        },
        {
          name: 'lastSync',
          column: 'last_sync_at',
          type: 'dateTimeOffset',
          nullable: true,
          ...flags,
        },
      ],
    },
  ],
});
