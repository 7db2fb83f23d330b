// The Graph view of a device (an Entra device object): its JSON, and the only columns OData
// query options may reach.
import { defineEntity, property } from '../graph/odata/index.js';
import type { DeviceTable } from '../store/schema.js';

export const deviceSpec = defineEntity({
  typeName: 'device',
  baseTypes: ['microsoft.graph.directoryObject', 'microsoft.graph.entity'],
  key: 'id',
  tokenSearch: { displayName: 'search_display_name' },
  properties: [
    property('id', 'id', 'guid'),
    property('deviceId', 'device_id', 'guid'),
    property('displayName', 'display_name', 'string'),
    property('operatingSystem', 'operating_system', 'string', { nullable: true }),
    property('operatingSystemVersion', 'operating_system_version', 'string', { nullable: true }),
    property('approximateLastSignInDateTime', 'approximate_last_sign_in_at', 'dateTimeOffset', {
      nullable: true,
    }),
    property('registrationDateTime', 'created_at', 'dateTimeOffset'),
    // Every device here is enabled; the property is selectable but has no column to query.
    property('accountEnabled', 'id', 'boolean', { filterable: false, sortable: false }),
  ],
});

export function deviceJson(row: DeviceTable): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.device',
    id: row.id,
    deviceId: row.device_id,
    displayName: row.display_name,
    operatingSystem: row.operating_system,
    operatingSystemVersion: row.operating_system_version,
    approximateLastSignInDateTime: row.approximate_last_sign_in_at,
    registrationDateTime: row.created_at,
    accountEnabled: true,
  };
}
