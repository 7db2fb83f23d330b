// Turns what a sync loaded into the profile's applicable driver updates: the applicability
// engine weighs each distinct node once per distinct machine context, and counts are weighted
// by how many assigned devices share each configuration.
import type { ComputedInventoryRow } from '../approval/merge-decisions.js';
import { buildCatalogIndex, summarizeKeyedFleet } from '../applicability/index.js';
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import type { DeviceConfiguration } from '../fleet/configuration-of.js';

/** One distinct hardware configuration among the assigned devices, and how many share it. */
export interface WeightedConfiguration {
  readonly deviceCount: number;
  readonly configuration: DeviceConfiguration;
  /** The content address of each of `configuration.devices`, in the same order. */
  readonly nodeKeys: readonly string[];
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
  const summaries = summarizeKeyedFleet(
    inputs.configurations.map(({ configuration, nodeKeys, deviceCount }) => ({
      os: configuration.os,
      computerHardwareIds: configuration.computerHardwareIds,
      nodes: configuration.devices,
      nodeKeys,
      deviceCount,
    })),
    index,
  );
  const packages = new Map(inputs.catalog.packages.map((p) => [p.id, p]));

  return summaries.map((summary) => {
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

/** Assigned devices that have reported, the profile's deviceReporting counter. */
export function countReportingDevices(inputs: SyncInputs): number {
  return inputs.configurations.reduce((total, entry) => total + entry.deviceCount, 0);
}
