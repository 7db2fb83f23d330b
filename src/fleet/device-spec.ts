// The Graph view of a device (an Entra device object): its JSON, and the only columns OData
// query options may reach.
import { defineEntity, type PropertyInput } from '../graph/odata/index.js';
import type { DeviceTable } from '../store/schema.js';

const text = (name: string, column: string, nullable: boolean): PropertyInput => ({
  name,
  column,
  type: 'string',
  filterable: true,
  sortable: true,
  nullable,
});

export const deviceSpec = defineEntity({
  typeName: 'device',
  key: 'id',
  searchable: ['display_name'],
  properties: [
    { name: 'id', column: 'id', type: 'guid', filterable: true, sortable: true, nullable: false },
    {
      name: 'deviceId',
      column: 'device_id',
      type: 'guid',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    text('displayName', 'display_name', false),
    text('operatingSystem', 'operating_system', true),
    text('operatingSystemVersion', 'operating_system_version', true),
    {
      name: 'approximateLastSignInDateTime',
      column: 'approximate_last_sign_in_at',
      type: 'dateTimeOffset',
      filterable: true,
      sortable: true,
      nullable: true,
    },
    {
      name: 'registrationDateTime',
      column: 'created_at',
      type: 'dateTimeOffset',
      filterable: true,
      sortable: true,
      nullable: false,
    },
    // Every device here is enabled; the property is selectable but has no column to query.
    {
      name: 'accountEnabled',
      column: 'id',
      type: 'boolean',
      filterable: false,
      sortable: false,
      nullable: false,
    },
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
