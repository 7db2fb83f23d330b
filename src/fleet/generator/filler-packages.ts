// Filler packages: drivers for hardware no machine in the fleet has, so that catalogs reach the
// sizes real ones have (thousands of packages) and the engine must skip what does not apply.
import { classGuidOf } from './driver-families.js';
import type { InfClassName } from './driver-families.js';
import type { GeneratedPackage } from './generated-package.js';
import { classCodeFromName } from './hardware-models.js';
import type { IdDatabase } from './parse-id-database.js';
import { pack } from './catalog-packages.js';
import { isoDate } from './releases.js';
import { SeededRandom, mixSeed } from './seeded-random.js';

interface FillerDevice {
  readonly vendorId: string;
  readonly vendorName: string;
  readonly deviceId: string;
  readonly name: string;
}

const fallbackVendors: readonly [string, string][] = [
  ['8086', 'Intel Corporation'],
  ['1022', 'Advanced Micro Devices, Inc.'],
  ['10DE', 'NVIDIA Corporation'],
  ['10EC', 'Realtek Semiconductor Co., Ltd.'],
  ['14E4', 'Broadcom Inc.'],
  ['17CB', 'Qualcomm Technologies, Inc'],
  ['1B21', 'ASMedia Technology Inc.'],
  ['168C', 'Qualcomm Atheros'],
];

const classesByCode: Record<string, InfClassName> = {
  '02': 'Net',
  '03': 'Display',
  '04': 'MEDIA',
  '01': 'SCSIAdapter',
};

export function fillerPackages(
  count: number,
  seed: number,
  now: Date,
  inFleet: ReadonlySet<string>,
  pciIds?: IdDatabase,
): GeneratedPackage[] {
  const random = new SeededRandom(mixSeed(seed, 0x66696c));
  const devices = pciIds === undefined ? [] : databaseDevices(pciIds);
  const packages: GeneratedPackage[] = [];

  for (let index = 0; index < count; index++) {
    const device = pickDevice(random, devices, inFleet);
    const id = `PCI\\VEN_${device.vendorId}&DEV_${device.deviceId}`;
    const infClass = classesByCode[classCodeFromName(device.name).slice(0, 2)] ?? 'System';
    const date = isoDate(now.getTime() - random.between(30, 3000) * 86_400_000);
    const version = [30, 99, 9999, 999].map((top) => random.between(0, top)).join('.');
    const spec = {
      kind: 'driver' as const,
      provider: device.vendorName,
      manufacturer: device.vendorName,
      infClass,
      classGuid: classGuidOf(infClass),
      extensionId: null,
      date,
      version,
      fileBase: `f${index.toString(36)}`,
      decorations: [random.chance(0.2) ? 'NTamd64' : 'NTamd64.10.0...19041'],
      lines: [
        { description: device.name, hardwareId: id },
        { description: device.name, hardwareId: `${id}&SUBSYS_${random.hex(8)}` },
      ],
      featureScore: random.chance(0.3) ? 0xf8 : null,
    };

    const publishing = random.chance(0.8) ? 'automatic' : 'optional';
    packages.push({ ...pack(spec, publishing, [], `filler-${index}`), kind: 'filler' });
  }

  return packages;
}

function databaseDevices(pciIds: IdDatabase): FillerDevice[] {
  const devices: FillerDevice[] = [];

  for (const vendor of pciIds.values()) {
    for (const [deviceId, name] of vendor.devices) {
      devices.push({ vendorId: vendor.id, vendorName: vendor.name, deviceId, name });
    }
  }

  return devices;
}

/**
 * A device the fleet does not have. When the ID database offers none, made-up device IDs of
 * known vendors stand in; the number of tries is bounded so no database can stall generation.
 */
function pickDevice(
  random: SeededRandom,
  devices: readonly FillerDevice[],
  inFleet: ReadonlySet<string>,
): FillerDevice {
  const outside = (device: FillerDevice) => !inFleet.has(`${device.vendorId}:${device.deviceId}`);
  for (let attempt = 0; attempt < 64 && devices.length > 0; attempt++) {
    const device = random.pick(devices);
    if (outside(device)) return device;
  }

  let device = fallbackDevice(random, random.pick(fallbackVendors));
  for (let attempt = 0; attempt < 64 && !outside(device); attempt++) {
    device = fallbackDevice(random, random.pick(fallbackVendors));
  }

  return device;
}

function fallbackDevice(
  random: SeededRandom,
  [vendorId, vendorName]: [string, string],
): FillerDevice {
  return { vendorId, vendorName, deviceId: random.hex(4), name: `${vendorName} device` };
}
