// Hardware models: what one OEM product line puts in every unit. Machines of a model share its
// device nodes; they differ only in the OS build, the driver "wave" their image carries, and
// the docks and USB peripherals plugged in when they reported.
import type { IdDatabase } from './parse-id-database.js';
import type { HardwarePart, Platform, Role } from './hardware-table.js';
import { hardwareParts } from './hardware-table.js';
import type { PlacedPart } from './device-ids.js';
import { SeededRandom, mixSeed } from './seeded-random.js';

export interface ModelPart extends PlacedPart {
  /** The instance-specific part of the instance ID (bus location). */
  readonly location: string;
}

export interface HardwareModel {
  readonly index: number;
  readonly manufacturer: string;
  readonly name: string;
  readonly architecture: 'amd64' | 'arm64';
  readonly platform: Exclude<Platform, 'any'>;
  /** Braced, upper-case computer hardware IDs shared by every unit. */
  readonly chids: readonly string[];
  /** GUID of the system firmware resource (`UEFI\RES_{guid}`). */
  readonly firmwareGuid: string;
  readonly parts: readonly ModelPart[];
  /** Docks and USB peripherals that units of this model are seen with now and then. */
  readonly peripherals: readonly ModelPart[];
  /** Relative popularity in the fleet. */
  readonly weight: number;
  /** Share of units running Windows 11. */
  readonly windows11Share: number;
  /** Relative shares of the driver waves the model's images went through, oldest first. */
  readonly waveShares: readonly number[];
}

const oems = [
  { name: 'Dell Inc.', pciVendor: '1028', lines: ['Latitude', 'Precision', 'OptiPlex'] },
  { name: 'HP', pciVendor: '103C', lines: ['EliteBook', 'ProBook', 'ZBook'] },
  { name: 'LENOVO', pciVendor: '17AA', lines: ['ThinkPad T14', 'ThinkPad X1', 'ThinkCentre M'] },
  { name: 'Microsoft Corporation', pciVendor: '1414', lines: ['Surface Laptop', 'Surface Pro'] },
  { name: 'ASUSTeK COMPUTER INC.', pciVendor: '1043', lines: ['ExpertBook', 'ProArt'] },
  { name: 'Acer', pciVendor: '1025', lines: ['TravelMate', 'Veriton'] },
] as const;

export function createModels(
  count: number,
  seed: number,
  pciIds?: IdDatabase,
  usbIds?: IdDatabase,
): HardwareModel[] {
  const models: HardwareModel[] = [];

  for (let index = 0; index < count; index++) {
    const random = new SeededRandom(mixSeed(seed, 0x6d6f64, index));
    // Every tenth model is an arm64 (Snapdragon) one, so small fleets still contain some.
    const platform = index % 10 === 9 ? 'qualcomm' : random.chance(0.7) ? 'intel' : 'amd';
    const oem = random.pick(oems);
    const parts = chooseParts(platform, random, pciIds).map((part, position) =>
      placePart(part, position, oem.pciVendor, random),
    );

    const peripherals = hardwareParts
      .filter((part) => part.role === 'dock' || part.role === 'peripheral')
      .concat(databasePeripherals(random, usbIds))
      .map((part, position) => placePart(part, parts.length + position, oem.pciVendor, random));

    models.push({
      index,
      manufacturer: oem.name,
      name: `${random.pick(oem.lines)} ${random.between(3, 9)}${random.between(10, 99)}0`,
      architecture: platform === 'qualcomm' ? 'arm64' : 'amd64',
      platform,
      chids: Array.from({ length: random.between(3, 6) }, () => `{${random.guid().toUpperCase()}}`),
      firmwareGuid: random.guid(),
      parts,
      peripherals,
      weight: 1 / (1 + index * 0.15) + random.next() * 0.2,
      windows11Share: platform === 'qualcomm' ? 1 : 0.3 + random.next() * 0.6,
      waveShares: Array.from({ length: random.between(2, 4) }, () => 0.2 + random.next()),
    });
  }

  return models;
}

function chooseParts(
  platform: HardwareModel['platform'],
  random: SeededRandom,
  pciIds?: IdDatabase,
) {
  const of = (role: Role) =>
    hardwareParts.filter(
      (part) => part.role === role && (part.platform === platform || part.platform === 'any'),
    );
  const one = (role: Role) => {
    const options = of(role);

    return options.length === 0 ? [] : [random.pick(options)];
  };
  const some = (role: Role, probability: number) => (random.chance(probability) ? one(role) : []);
  const chipset = of('chipset').filter(() => random.chance(0.75));
  const wifi = one('wifi');
  const bluetooth = of('bluetooth').filter((part) => sameMaker(part, wifi[0]));
  const tpm = hardwareParts.filter((part) => part.role === 'tpm');

  if (platform === 'qualcomm') {
    return [
      ...one('gpu'),
      ...wifi,
      ...one('bluetooth'),
      ...one('storage'),
      ...one('camera'),
      ...tpm,
    ];
  }

  return [
    ...one('gpu'),
    ...some('discrete-gpu', 0.2),
    ...some('ethernet', 0.7),
    ...wifi,
    ...(bluetooth.length > 0 ? [random.pick(bluetooth)] : one('bluetooth')),
    ...of('audio').slice(0, platform === 'amd' ? 2 : 1),
    ...one('codec'),
    ...chipset,
    ...databaseChipset(platform, random, pciIds),
    ...one('usb-host'),
    ...one('storage'),
    ...some('card-reader', 0.4),
    ...one('camera'),
    ...some('fingerprint', 0.5),
    ...tpm,
  ];
}

function sameMaker(bluetooth: HardwarePart, wifi: HardwarePart | undefined): boolean {
  if (wifi === undefined) return false;

  const makers: Record<string, string> = { '8086': '8087', '14C3': '0489' };

  return makers[wifi.vendorId] === bluetooth.vendorId;
}

/** A few more chipset functions with real IDs from pci.ids, served by the chipset INF. */
function databaseChipset(
  platform: HardwareModel['platform'],
  random: SeededRandom,
  pciIds?: IdDatabase,
): HardwarePart[] {
  const vendor = pciIds?.get(platform === 'intel' ? '8086' : '1022');
  if (vendor === undefined) return [];

  const devices = [...vendor.devices.entries()];
  const count = random.between(1, 3);

  return Array.from({ length: count }, () => {
    const [deviceId, name] = random.pick(devices);

    return {
      bus: 'pci',
      vendorId: vendor.id,
      deviceId,
      revision: random.hex(2),
      classCode: classCodeFromName(name),
      name,
      role: 'chipset',
      platform,
      familyKey: platform === 'intel' ? 'intel-chipset' : 'amd-chipset',
    } satisfies HardwarePart;
  }).filter(
    (part, index, all) => all.findIndex((other) => other.deviceId === part.deviceId) === index,
  );
}

/** Keyboards and mice with real IDs from usb.ids, served by Windows' own HID driver. */
function databasePeripherals(random: SeededRandom, usbIds?: IdDatabase): HardwarePart[] {
  const vendor = usbIds?.get(random.chance(0.5) ? '046D' : '045E');
  if (vendor === undefined || vendor.devices.size === 0) return [];

  const [deviceId, name] = random.pick([...vendor.devices.entries()]);

  return [
    {
      bus: 'usb',
      vendorId: vendor.id,
      deviceId,
      revision: random.hex(4),
      classCode: '030102',
      name,
      role: 'peripheral',
      platform: 'any',
      familyKey: 'inbox-input',
    },
  ];
}

export function classCodeFromName(name: string): string {
  const rules: [RegExp, string][] = [
    [/ethernet|gigabit|lan\b/i, '020000'],
    [/wireless|wi-?fi|802\.11/i, '028000'],
    [/audio|sound/i, '040300'],
    [/xhci|usb/i, '0C0330'],
    [/smbus/i, '0C0500'],
    [/root port|bridge/i, '060400'],
    [/sata|ahci/i, '010601'],
    [/nvme/i, '010802'],
    [/graphics|vga|display|geforce|radeon/i, '030000'],
  ];

  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? '088000';
}

function placePart(
  part: HardwarePart,
  position: number,
  oemVendor: string,
  random: SeededRandom,
): ModelPart {
  const hash = random.hex(8).toLowerCase();

  switch (part.bus) {
    case 'pci':
      return {
        part,
        subsystem: `${random.hex(4)}${oemVendor}`,
        location: `3&${hash}&0&${(position * 8).toString(16).toUpperCase().padStart(2, '0')}`,
      };
    case 'hdaudio':
      return { part, subsystem: `${oemVendor}${random.hex(4)}`, location: `4&${hash}&0&0001` };
    case 'usb':
      return { part, subsystem: '', location: `5&${hash}&0&${(position % 14) + 1}` };
    case 'acpi':
      return { part, subsystem: '', location: '1' };
  }
}
