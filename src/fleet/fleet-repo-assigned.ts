// What a profile's sync weighs: the distinct hardware configurations of the assigned devices
// that have reported, each with how many devices share it. Counting happens in SQL, so the
// cost follows the number of configurations rather than the size of the fleet.
import type { Db } from '../store/store.js';
import type { DeviceConfiguration } from './configuration-of.js';
import { devicesInGroups } from './group-resolution.js';

export interface AssignedScope {
  readonly allDevices: boolean;
  readonly includedGroupIds: readonly string[];
  readonly excludedGroupIds: readonly string[];
}

export interface AssignedConfiguration {
  readonly key: string;
  readonly deviceCount: number;
  readonly configuration: DeviceConfiguration;
}

export interface AssignedConfigurations {
  /** Sorted by key, so a sync sees them in the same order every time. */
  readonly configurations: readonly AssignedConfiguration[];
  /** Assigned devices that have reported: the profile's deviceReporting counter. */
  readonly reportingDevices: number;
}

/** Exclusions win over inclusions, as in Intune; nested groups count at any depth. */
export async function loadAssignedConfigurations(
  db: Db,
  tenantId: string,
  scope: AssignedScope,
): Promise<AssignedConfigurations> {
  if (!scope.allDevices && scope.includedGroupIds.length === 0) {
    return { configurations: [], reportingDevices: 0 };
  }

  let assigned = db
    .selectFrom('devices')
    .where('devices.tenant_id', '=', tenantId)
    .where('devices.configuration_key', 'is not', null);
  if (!scope.allDevices) {
    assigned = assigned.where(
      'devices.id',
      'in',
      devicesInGroups(db, tenantId, scope.includedGroupIds),
    );
  }
  if (scope.excludedGroupIds.length > 0) {
    assigned = assigned.where(
      'devices.id',
      'not in',
      devicesInGroups(db, tenantId, scope.excludedGroupIds),
    );
  }
  const counts = await assigned
    .select((eb) => ['devices.configuration_key', eb.fn.countAll<number | string>().as('count')])
    .groupBy('devices.configuration_key')
    .orderBy('devices.configuration_key')
    .execute();
  const bodies = await configurationBodies(
    db,
    tenantId,
    counts.map((row) => row.configuration_key ?? ''),
  );

  const configurations = counts.map((row) => {
    const key = row.configuration_key ?? '';
    const body = bodies.get(key);
    if (body === undefined) throw new Error(`device configuration ${key} is missing`);

    return { key, deviceCount: Number(row.count), configuration: body };
  });

  return {
    configurations,
    reportingDevices: configurations.reduce((total, entry) => total + entry.deviceCount, 0),
  };
}

async function configurationBodies(
  db: Db,
  tenantId: string,
  keys: readonly string[],
): Promise<Map<string, DeviceConfiguration>> {
  const bodies = new Map<string, DeviceConfiguration>();

  for (let start = 0; start < keys.length; start += keysPerQuery) {
    const rows = await db
      .selectFrom('device_configurations')
      .select(['key', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('key', 'in', keys.slice(start, start + keysPerQuery))
      .execute();
    for (const row of rows) bodies.set(row.key, JSON.parse(row.body) as DeviceConfiguration);
  }

  return bodies;
}

const keysPerQuery = 500;
