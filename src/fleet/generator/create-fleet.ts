// A realistic generated fleet, deterministic for a seed: hardware models, a catalog of real INF
// text that matches them, pilot and broad groups, and a stream of device reports.
import type { DeviceReport } from '../report-types.js';
import { familyPackages, firmwarePackages } from './catalog-packages.js';
import type { CatalogInput } from './catalog-packages.js';
import { driverFamilies } from './driver-families.js';
import { fillerPackages } from './filler-packages.js';
import { ReportFactory } from './fleet-reports.js';
import type { GeneratedPackage } from './generated-package.js';
import { createModels } from './hardware-models.js';
import type { HardwareModel } from './hardware-models.js';
import { parseIdDatabase } from './parse-id-database.js';
import type { Release } from './releases.js';
import { planFirmware, planReleases } from './releases.js';

export interface FleetOptions {
  readonly devices: number;
  /** Number of hardware models; 60 by default. */
  readonly models?: number;
  readonly seed?: number;
  /** The catalog holds at least this many packages, filler added to reach it; 200 by default. */
  readonly catalogPackages?: number;
  /** Text of a pci.ids file; its real IDs then add chipset functions and filler hardware. */
  readonly pciIds?: string;
  /** Text of a usb.ids file; its real IDs then add keyboards and mice to the peripherals. */
  readonly usbIds?: string;
  /** The moment reports are dated against (within the seven days before it). */
  readonly now: Date;
}

export interface FleetGroups {
  readonly pilot: readonly string[];
  readonly broad: readonly string[];
}

export interface Fleet {
  readonly models: readonly HardwareModel[];
  readonly catalog: readonly GeneratedPackage[];
  /** Computed on first access: about 5 % pilot, the rest broad. */
  readonly groups: FleetGroups;
  /** A fresh stream of every device's report, one at a time. */
  reports(): Generator<DeviceReport>;
}

export function createFleet(options: FleetOptions): Fleet {
  const seed = options.seed ?? 1;
  const pciIds = options.pciIds === undefined ? undefined : parseIdDatabase(options.pciIds);
  const usbIds = options.usbIds === undefined ? undefined : parseIdDatabase(options.usbIds);
  const models = createModels(options.models ?? 60, seed, pciIds, usbIds);
  const used = new Set(
    models.flatMap((model) =>
      [...model.parts, ...model.peripherals].map((part) => part.part.familyKey),
    ),
  );
  const families = driverFamilies.filter((family) => used.has(family.key) && !family.inbox);
  const releases = new Map<string, readonly Release[]>(
    driverFamilies.map((family) => [family.key, planReleases(family, seed, options.now)]),
  );
  const firmware = new Map(
    models.map((model) => [model.index, planFirmware(model, seed, options.now)]),
  );
  const input: CatalogInput = { models, families, releases, firmware };
  const organic = [...familyPackages(input), ...firmwarePackages(input)];
  const inFleet = new Set(
    models.flatMap((model) =>
      model.parts.map((part) => `${part.part.vendorId}:${part.part.deviceId}`),
    ),
  );
  const fillerCount = Math.max(0, (options.catalogPackages ?? 200) - organic.length);
  const catalog = [...organic, ...fillerPackages(fillerCount, seed, options.now, inFleet, pciIds)];
  const factory = new ReportFactory({ seed, now: options.now, models, releases, firmware });
  let groups: FleetGroups | null = null;

  return {
    models,
    catalog,
    get groups() {
      groups ??= splitGroups(options.devices, factory);

      return groups;
    },
    *reports() {
      for (let index = 0; index < options.devices; index++) yield factory.reportAt(index);
    },
  };
}

function splitGroups(devices: number, factory: ReportFactory): FleetGroups {
  const pilot: string[] = [];
  const broad: string[] = [];

  for (let index = 0; index < devices; index++) {
    (factory.isPilot(index) ? pilot : broad).push(factory.deviceIdAt(index));
  }

  return { pilot, broad };
}
