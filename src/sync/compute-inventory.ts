// Turns what a sync loaded into the profile's applicable driver updates: the applicability
// engine weighs each distinct configuration once, and counts are weighted by how many assigned
// devices share it.
import type { ComputedInventoryRow } from '../approval/merge-decisions.js';
import {
  buildCatalogIndex,
  createNodeEvaluationCache,
  evaluateConfiguration,
  summarizeFleet,
  type Configuration,
} from '../applicability/index.js';
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import type { DeviceConfiguration } from '../fleet/configuration-of.js';

/** One distinct hardware configuration among the assigned devices, and how many share it. */
export interface WeightedConfiguration {
  readonly deviceCount: number;
  readonly configuration: DeviceConfiguration;
}

export interface SyncCatalog {
  readonly packages: readonly CatalogPackage[];
  readonly matchRows: readonly CatalogMatchRow[];
}

export interface SyncInputs {
  readonly configurations: readonly WeightedConfiguration[];
  readonly catalog: SyncCatalog;
}

export function computeInventory(inputs: SyncInputs): ComputedInventoryRow[] {
  if (inputs.configurations.length === 0 || inputs.catalog.packages.length === 0) return [];

  const index = buildCatalogIndex(inputs.catalog.packages, inputs.catalog.matchRows);
  const cache = createNodeEvaluationCache();
  const evaluations = inputs.configurations.map(({ configuration, deviceCount }) => ({
    evaluation: evaluateConfiguration(engineView(configuration), index, cache),
    deviceCount,
  }));
  const packages = new Map(inputs.catalog.packages.map((p) => [p.id, p]));

  return summarizeFleet(evaluations).map((summary) => {
    const pkg = packages.get(summary.packageId)!;

    return {
      driverId: pkg.id,
      name: pkg.name,
      version: pkg.version,
      manufacturer: pkg.manufacturer,
      releaseDateTime: `${pkg.date}T00:00:00.000Z`,
      driverClass: pkg.driverClass,
      applicableDeviceCount: summary.applicableDeviceCount,
      recommended: summary.recommended,
    };
  });
}

/**
 * Stored configurations leave out instance IDs, which differ between identical machines; the
 * engine names nodes, so each is named by its most specific ID instead.
 */
function engineView(configuration: DeviceConfiguration): Configuration {
  return {
    ...configuration,
    devices: configuration.devices.map((node) => ({
      ...node,
      instanceId: node.hardwareIds[0] ?? node.compatibleIds[0] ?? 'unidentified node',
    })),
  };
}

/** Assigned devices that have reported, the profile's deviceReporting counter. */
export function countReportingDevices(inputs: SyncInputs): number {
  return inputs.configurations.reduce((total, entry) => total + entry.deviceCount, 0);
}
