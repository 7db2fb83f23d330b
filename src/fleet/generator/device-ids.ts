// The hardware and compatible ID lists Windows builds for a device, in the order it reports
// them. Windows 11 moved the PCI `VEN&DEV&REV` and `VEN&DEV` IDs from the hardware list to the
// head of the compatible list; Windows 10 lists them as hardware IDs.
import type { HardwarePart } from './hardware-table.js';

export interface DeviceIdLists {
  readonly hardwareIds: readonly string[];
  readonly compatibleIds: readonly string[];
}

export interface PlacedPart {
  readonly part: HardwarePart;
  /** PCI: `SSSSVVVV` subsystem; HD Audio: the codec subsystem; otherwise empty. */
  readonly subsystem: string;
}

export function deviceIdLists(placed: PlacedPart, windows11: boolean): DeviceIdLists {
  const { part, subsystem } = placed;

  switch (part.bus) {
    case 'pci':
      return pciIds(part, subsystem, windows11);
    case 'usb':
      return usbIds(part);
    case 'hdaudio':
      return hdAudioIds(part, subsystem);
    case 'acpi':
      return {
        hardwareIds: [
          `ACPI\\VEN_${part.vendorId}&DEV_${part.deviceId}`,
          `ACPI\\${part.vendorId}${part.deviceId}`,
          `*${part.vendorId}${part.deviceId}`,
        ],
        compatibleIds: [],
      };
  }
}

/** The IDs an INF models line names for a part: the plain one, and the OEM-specific one. */
export function modelLineIds(placed: PlacedPart): { generic: string; specific: string } {
  const { part, subsystem } = placed;

  switch (part.bus) {
    case 'pci':
      return {
        generic: `PCI\\VEN_${part.vendorId}&DEV_${part.deviceId}`,
        specific: `PCI\\VEN_${part.vendorId}&DEV_${part.deviceId}&SUBSYS_${subsystem}`,
      };
    case 'usb':
      return {
        generic: `USB\\VID_${part.vendorId}&PID_${part.deviceId}`,
        specific: `USB\\VID_${part.vendorId}&PID_${part.deviceId}&REV_${part.revision}`,
      };
    case 'hdaudio':
      return {
        generic: `HDAUDIO\\FUNC_01&VEN_${part.vendorId}&DEV_${part.deviceId}`,
        specific: `HDAUDIO\\FUNC_01&VEN_${part.vendorId}&DEV_${part.deviceId}&SUBSYS_${subsystem}`,
      };
    case 'acpi':
      return {
        generic: `ACPI\\${part.vendorId}${part.deviceId}`,
        specific: `ACPI\\VEN_${part.vendorId}&DEV_${part.deviceId}`,
      };
  }
}

export function instanceIdOf(placed: PlacedPart, location: string): string {
  const { part, subsystem } = placed;
  const device = `VEN_${part.vendorId}&DEV_${part.deviceId}`;

  switch (part.bus) {
    case 'pci':
      return `PCI\\${device}&SUBSYS_${subsystem}&REV_${part.revision}\\${location}`;
    case 'usb':
      return `USB\\VID_${part.vendorId}&PID_${part.deviceId}\\${location}`;
    case 'hdaudio':
      return `HDAUDIO\\FUNC_01&${device}&SUBSYS_${subsystem}&REV_${part.revision}\\${location}`;
    case 'acpi':
      return `ACPI\\${part.vendorId}${part.deviceId}\\${location}`;
  }
}

/** System firmware is reported as a device whose hardware ID names the firmware resource. */
export function firmwareIdLists(firmwareGuid: string, version: number): DeviceIdLists {
  const resource = `UEFI\\RES_{${firmwareGuid.toUpperCase()}}`;
  const revision = version.toString(16).toUpperCase().padStart(8, '0');

  return { hardwareIds: [`${resource}&REV_${revision}`, resource], compatibleIds: [] };
}

function pciIds(part: HardwarePart, subsystem: string, windows11: boolean): DeviceIdLists {
  const device = `PCI\\VEN_${part.vendorId}&DEV_${part.deviceId}`;
  const vendor = `PCI\\VEN_${part.vendorId}`;
  const fullClass = part.classCode;
  const shortClass = part.classCode.slice(0, 4);
  const specific = [
    `${device}&SUBSYS_${subsystem}&REV_${part.revision}`,
    `${device}&SUBSYS_${subsystem}`,
  ];
  const plain = [`${device}&REV_${part.revision}`, device];
  const byClass = [`${device}&CC_${fullClass}`, `${device}&CC_${shortClass}`];
  const generic = [
    `${vendor}&CC_${fullClass}`,
    `${vendor}&CC_${shortClass}`,
    vendor,
    `PCI\\CC_${fullClass}`,
    `PCI\\CC_${shortClass}`,
  ];

  return windows11
    ? { hardwareIds: [...specific, ...byClass], compatibleIds: [...plain, ...generic] }
    : { hardwareIds: [...specific, ...plain, ...byClass], compatibleIds: generic };
}

function usbIds(part: HardwarePart): DeviceIdLists {
  const device = `USB\\VID_${part.vendorId}&PID_${part.deviceId}`;
  const usbClass = part.classCode.slice(0, 2);
  const subClass = part.classCode.slice(2, 4);
  const protocol = part.classCode.slice(4, 6);

  return {
    hardwareIds: [`${device}&REV_${part.revision}`, device],
    compatibleIds: [
      `USB\\Class_${usbClass}&SubClass_${subClass}&Prot_${protocol}`,
      `USB\\Class_${usbClass}&SubClass_${subClass}`,
      `USB\\Class_${usbClass}`,
    ],
  };
}

function hdAudioIds(part: HardwarePart, subsystem: string): DeviceIdLists {
  const codec = `HDAUDIO\\FUNC_01&VEN_${part.vendorId}&DEV_${part.deviceId}`;

  return {
    hardwareIds: [
      `${codec}&SUBSYS_${subsystem}&REV_${part.revision}`,
      `${codec}&SUBSYS_${subsystem}`,
    ],
    compatibleIds: [
      `${codec}&REV_${part.revision}`,
      codec,
      `HDAUDIO\\FUNC_01&VEN_${part.vendorId}`,
      'HDAUDIO\\FUNC_01',
    ],
  };
}
