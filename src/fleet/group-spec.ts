// The Graph view of a security group and of a group's members (directory objects).
import { defineEntity } from '../graph/odata/index.js';
import type { GroupTable } from '../store/schema.js';

export const groupSpec = defineEntity({
  typeName: 'group',
  key: 'id',
  searchable: ['display_name', 'description'],
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
      name: 'mailNickname',
      column: 'mail_nickname',
      type: 'string',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    {
      name: 'securityEnabled',
      column: 'security_enabled',
      type: 'boolean',
      filterable: true,
      sortable: false,
      nullable: false,
    },
    // Constant for the security groups served here: selectable, with no column to query.
    {
      name: 'mailEnabled',
      column: 'id',
      type: 'boolean',
      filterable: false,
      sortable: false,
      nullable: false,
    },
    {
      name: 'groupTypes',
      column: 'id',
      type: 'collection',
      filterable: false,
      sortable: false,
      nullable: false,
    },
    {
      name: 'createdDateTime',
      column: 'created_at',
      type: 'dateTimeOffset',
      filterable: true,
      sortable: true,
      nullable: false,
    },
  ],
});

/** Members are devices and groups; only what both share can be queried. */
export const memberSpec = defineEntity({
  typeName: 'directoryObject',
  key: 'id',
  searchable: ['display_name'],
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
  ],
});

export function groupJson(row: GroupTable): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: row.id,
    displayName: row.display_name,
    description: row.description,
    mailNickname: row.mail_nickname,
    mailEnabled: false,
    securityEnabled: row.security_enabled === 1,
    groupTypes: [],
    createdDateTime: row.created_at,
  };
}
