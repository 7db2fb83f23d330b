// Turns what a sync loaded into the profile's applicable driver updates. The applicability
// engine (src/applicability) is not wired in yet: it needs device configurations and catalog
// rows, and the store has no tables for either. So every sync today has nothing to weigh, and
// an empty list is the true answer; given real inputs, this refuses rather than guess.
import type { ComputedInventoryRow } from '../approval/merge-decisions.js';
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';

/** One distinct hardware configuration among the assigned devices, and how many share it. */
export interface WeightedConfiguration {
  readonly deviceCount: number;
  readonly configuration: unknown;
}

export interface SyncCatalog {
  readonly packages: readonly CatalogPackage[];
  readonly matchRows: readonly CatalogMatchRow[];
}

export interface SyncInputs {
  readonly configurations: readonly WeightedConfiguration[];
  readonly catalog: SyncCatalog;
}

export class ApplicabilityUnavailableError extends Error {
  constructor() {
    super('the applicability engine is not available in this build; cannot rank drivers');
    this.name = 'ApplicabilityUnavailableError';
  }
}

export function computeInventory(inputs: SyncInputs): ComputedInventoryRow[] {
  // No reporting device, or no driver to offer: nothing applies, whatever the engine says.
  if (inputs.configurations.length === 0 || inputs.catalog.packages.length === 0) return [];

  throw new ApplicabilityUnavailableError();
}

/** Assigned devices that have reported, the profile's deviceReporting counter. */
export function countReportingDevices(inputs: SyncInputs): number {
  return inputs.configurations.reduce((total, entry) => total + entry.deviceCount, 0);
}
