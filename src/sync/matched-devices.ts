// Which of a profile's assigned devices a driver applies to, and why. Nothing is stored for
// this: the engine runs again, on demand, over the devices' latest reports and the catalog, once
// per distinct hardware configuration.
import {
  buildCatalogIndex,
  createNodeEvaluationCache,
  evaluateConfiguration,
  type Configuration,
} from '../applicability/index.js';
import { loadCatalog } from '../catalog/catalog-repo.js';
import type { DeviceConfiguration } from '../fleet/configuration-of.js';
import { loadAssignedConfigurations } from '../fleet/fleet-repo-assigned.js';
import { devicesInGroups } from '../fleet/group-resolution.js';
import type { Db } from '../store/store.js';
import { loadAssignmentScope, type AssignmentScope } from './load-inputs.js';
import { matchesOfPackage, type DriverMatch } from './matched-devices-of.js';

export interface MatchedDevice {
  /** The directory object id, Graph's `id` of the device. */
  readonly id: string;
  /** The device's own GUID, the one its reports carry. */
  readonly deviceId: string;
  readonly displayName: string;
  /** Whether the driver is what Windows Update would pick automatically on this device. */
  readonly isRecommended: boolean;
  /** The driver's provider when it is recommended here, else empty. */
  readonly recommendedBy: readonly string[];
  readonly matches: readonly DriverMatch[];
}

interface AssignedDevice {
  readonly id: string;
  readonly deviceId: string;
  readonly displayName: string;
  readonly configurationKey: string;
}

/** The assigned devices the driver applies to, by display name then id. */
export async function findMatchedDevices(
  db: Db,
  tenantId: string,
  profileId: string,
  driverId: string,
): Promise<MatchedDevice[]> {
  const scope = await loadAssignmentScope(db, tenantId, profileId);
  const { configurations } = await loadAssignedConfigurations(db, tenantId, scope);
  if (configurations.length === 0) return [];

  const catalog = await loadCatalog(db, tenantId, reportedIds(configurations));
  const provider = catalog.packages.find((entry) => entry.id === driverId)?.provider;
  if (provider === undefined) return [];

  const index = buildCatalogIndex(catalog.packages, catalog.rows);
  const cache = createNodeEvaluationCache();
  const matchesByKey = new Map(
    configurations.map(({ key, configuration }) => {
      const evaluation = evaluateConfiguration(engineView(configuration), index, cache);

      return [key, matchesOfPackage(evaluation, driverId)] as const;
    }),
  );
  const devices = await loadAssignedDevices(db, tenantId, scope);

  return devices.flatMap((device) => {
    const matches = matchesByKey.get(device.configurationKey) ?? [];
    if (matches.length === 0) return [];

    const isRecommended = matches.some((match) => match.category === 'recommended');

    return [
      {
        id: device.id,
        deviceId: device.deviceId,
        displayName: device.displayName,
        isRecommended,
        recommendedBy: isRecommended ? [provider] : [],
        matches,
      },
    ];
  });
}

// Exclusions win over inclusions, as they do for the sync; nested groups count at any depth.
async function loadAssignedDevices(
  db: Db,
  tenantId: string,
  scope: AssignmentScope,
): Promise<AssignedDevice[]> {
  if (!scope.allDevices && scope.includedGroupIds.length === 0) return [];

  let query = db
    .selectFrom('devices')
    .select(['id', 'device_id', 'display_name', 'configuration_key'])
    .where('tenant_id', '=', tenantId)
    .where('configuration_key', 'is not', null);
  if (!scope.allDevices) {
    query = query.where('id', 'in', devicesInGroups(db, tenantId, scope.includedGroupIds));
  }
  if (scope.excludedGroupIds.length > 0) {
    query = query.where('id', 'not in', devicesInGroups(db, tenantId, scope.excludedGroupIds));
  }
  const rows = await query.orderBy('display_name').orderBy('id').execute();

  return rows.map((row) => ({
    id: row.id,
    deviceId: row.device_id,
    displayName: row.display_name,
    configurationKey: row.configuration_key ?? '',
  }));
}

function reportedIds(configurations: readonly { configuration: DeviceConfiguration }[]) {
  return configurations.flatMap(({ configuration }) =>
    configuration.devices.flatMap((node) => [...node.hardwareIds, ...node.compatibleIds]),
  );
}

// The engine names nodes; a stored configuration has no instance IDs, so each node goes by its
// most specific ID, as it does in a sync.
function engineView(configuration: DeviceConfiguration): Configuration {
  return {
    ...configuration,
    devices: configuration.devices.map((node) => ({
      ...node,
      instanceId: node.hardwareIds[0] ?? node.compatibleIds[0] ?? 'unidentified node',
    })),
  };
}
