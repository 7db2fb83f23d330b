// The Graph view of a security group and of a group's members (directory objects).
import { defineEntity, property } from '../graph/odata/index.js';
import type { GroupTable } from '../store/schema.js';

const opaque = { filterable: false, sortable: false } as const;

/** Members are devices and groups; only what both share can be queried. */
export const memberSpec = defineEntity({
  typeName: 'directoryObject',
  key: 'id',
  tokenSearch: { displayName: 'search_display_name' },
  properties: [property('id', 'id', 'guid'), property('displayName', 'display_name', 'string')],
});

export const groupSpec = defineEntity({
  typeName: 'group',
  baseTypes: ['microsoft.graph.directoryObject', 'microsoft.graph.entity'],
  key: 'id',
  tokenSearch: { displayName: 'search_display_name', description: 'search_description' },
  properties: [
    property('id', 'id', 'guid'),
    property('displayName', 'display_name', 'string'),
    property('description', 'description', 'string', { nullable: true }),
    property('mailNickname', 'mail_nickname', 'string'),
    property('securityEnabled', 'security_enabled', 'boolean', { sortable: false }),
    // Constant for the security groups served here: selectable, with no column to query.
    property('mailEnabled', 'id', 'boolean', opaque),
    property('groupTypes', 'id', 'collection', opaque),
    property('createdDateTime', 'created_at', 'dateTimeOffset'),
  ],
  expandable: { members: memberSpec },
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
