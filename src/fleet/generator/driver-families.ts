// Driver families: one vendor driver package line (a provider's driver for a set of devices)
// that ships in successive versions. Inbox families stand for drivers that come with Windows
// and never appear in the catalog.

export interface DriverFamily {
  readonly key: string;
  readonly provider: string;
  readonly manufacturer: string;
  /** INF `Class=` name. */
  readonly infClass: string;
  readonly classGuid: string;
  /** Base name of the INF, its .sys and .cat files. */
  readonly fileBase: string;
  /** Major.minor of the versions this family ships, e.g. `[31, 0]`. */
  readonly versionLine: readonly [number, number];
  readonly featureScore: number | null;
  /** Drivers that arrive through Windows Update only as optional. */
  readonly optional: boolean;
  /** OEM-specific families list per-model SUBSYS lines; others only VEN&DEV. */
  readonly oemSpecific: boolean;
  /** An extension INF with this ExtensionId accompanies the base driver. */
  readonly extensionId: string | null;
  readonly inbox: boolean;
}

const classGuids = {
  Display: '{4d36e968-e325-11ce-bfc1-08002be10318}',
  Net: '{4d36e972-e325-11ce-bfc1-08002be10318}',
  MEDIA: '{4d36e96c-e325-11ce-bfc1-08002be10318}',
  System: '{4d36e97d-e325-11ce-bfc1-08002be10318}',
  Bluetooth: '{e0cbf06c-cd8b-4647-bb8a-263b43f0f974}',
  Camera: '{ca3e7ab9-b4c3-4ae6-8251-579ef933890f}',
  USB: '{36fc9e60-c465-11cf-8056-444553540000}',
  SCSIAdapter: '{4d36e97b-e325-11ce-bfc1-08002be10318}',
  Biometric: '{53d29ef7-377c-4d14-864b-eb3a85769359}',
  SecurityDevices: '{d94ee5d8-d189-4994-83d2-f68d7d41b0e6}',
  SmartCardReader: '{50dd5230-ba8a-11d1-bf5d-0000f805f530}',
  Firmware: '{f2e7dd72-6468-4e36-b6f1-6488f42c1b52}',
  Extension: '{e2f84ce7-8efa-411c-aa69-97454ca4cb57}',
} as const;

export type InfClassName = keyof typeof classGuids;

export function classGuidOf(infClass: InfClassName): string {
  return classGuids[infClass];
}

function family(
  key: string,
  provider: string,
  infClass: InfClassName,
  fileBase: string,
  versionLine: readonly [number, number],
  traits: Partial<
    Pick<DriverFamily, 'featureScore' | 'optional' | 'oemSpecific' | 'extensionId'>
  > = {},
): DriverFamily {
  return {
    key,
    provider,
    manufacturer: provider,
    infClass,
    classGuid: classGuids[infClass],
    fileBase,
    versionLine,
    featureScore: traits.featureScore ?? null,
    optional: traits.optional ?? false,
    oemSpecific: traits.oemSpecific ?? false,
    extensionId: traits.extensionId ?? null,
    inbox: false,
  };
}

function inbox(key: string, infClass: InfClassName, fileBase: string): DriverFamily {
  return { ...family(key, 'Microsoft', infClass, fileBase, [10, 0]), inbox: true };
}

export const driverFamilies: readonly DriverFamily[] = [
  family('intel-graphics', 'Intel Corporation', 'Display', 'iigd_dch', [31, 0], {
    featureScore: 0xf6,
    oemSpecific: true,
    extensionId: '{5a4a3d1e-6d6b-4b8a-9c0e-2f71a6d3c812}',
  }),
  family('amd-graphics', 'Advanced Micro Devices, Inc.', 'Display', 'u0388766', [31, 0], {
    featureScore: 0xf6,
    oemSpecific: true,
  }),
  family('nvidia-graphics', 'NVIDIA', 'Display', 'nvlti', [31, 0], { featureScore: 0xf6 }),
  family('qualcomm-graphics', 'Qualcomm Technologies, Inc.', 'Display', 'qcdx8180', [27, 20]),
  family('intel-lan', 'Intel', 'Net', 'e1d', [12, 19]),
  family('intel-lan-2g5', 'Intel', 'Net', 'e2f', [2, 1]),
  family('realtek-lan', 'Realtek', 'Net', 'rt640x64', [10, 68]),
  family('realtek-usb-lan', 'Realtek', 'Net', 'rtux64w10', [1112, 10]),
  family('intel-wifi', 'Intel', 'Net', 'netwtw08', [22, 250]),
  family('qualcomm-wifi', 'Qualcomm Technologies, Inc.', 'Net', 'qcwlan64', [3, 0]),
  family('mediatek-wifi', 'MediaTek, Inc.', 'Net', 'mtkwlex', [3, 3]),
  family('realtek-wifi', 'Realtek Semiconductor Corp.', 'Net', 'rtwlane', [2024, 0]),
  family('broadcom-wifi', 'Broadcom', 'Net', 'bcmwl63a', [7, 35]),
  family('intel-bluetooth', 'Intel Corporation', 'Bluetooth', 'ibtusb', [23, 60]),
  family('mediatek-bluetooth', 'MediaTek Inc.', 'Bluetooth', 'mtkbtfilterx', [1, 3]),
  family('qualcomm-bluetooth', 'Qualcomm Technologies, Inc.', 'Bluetooth', 'qcbtuart', [1, 0]),
  family('intel-sst', 'Intel(R) Corporation', 'MEDIA', 'intcaudiobus', [10, 29]),
  family('amd-audio', 'Advanced Micro Devices', 'MEDIA', 'amdacpbus', [5, 12]),
  family('realtek-audio', 'Realtek Semiconductor Corp.', 'MEDIA', 'hdxrt', [6, 0], {
    oemSpecific: true,
    extensionId: '{e4b1c7a0-3f2d-4e5b-8a96-0d1c2b3a4f59}',
  }),
  family('intel-chipset', 'INTEL', 'System', 'tigerlakepch', [10, 1]),
  family('intel-mei', 'Intel', 'System', 'heci', [2406, 5]),
  family('intel-serialio', 'Intel Corporation', 'System', 'iaLPSS2_I2C', [30, 100]),
  family('intel-thunderbolt', 'Intel(R) Corporation', 'System', 'tbt100x', [1, 41]),
  family('amd-chipset', 'Advanced Micro Devices, Inc', 'System', 'amdsmbus', [5, 12]),
  family('amd-psp', 'Advanced Micro Devices Inc.', 'SecurityDevices', 'amdpsp', [5, 24]),
  family('realtek-cardreader', 'Realtek Semiconductor Corp.', 'SCSIAdapter', 'RtsPer', [10, 0], {
    optional: true,
  }),
  family('o2micro-cardreader', 'O2Micro', 'SCSIAdapter', 'o2sdx64', [5, 0], { optional: true }),
  family('camera-oem', 'Chicony Electronics', 'Camera', 'cnfcam', [30, 21]),
  family('synaptics-fingerprint', 'Synaptics FP Sensors', 'Biometric', 'synawudfbiousb', [6, 0], {
    optional: true,
  }),
  family('goodix-fingerprint', 'Goodix', 'Biometric', 'gf3208', [3, 2], { optional: true }),
  family('logitech-camera', 'Logitech', 'Camera', 'lvbrio', [2, 12], { optional: true }),
  family('yubico-ccid', 'Yubico', 'SmartCardReader', 'yubikeysc', [4, 1], { optional: true }),
  inbox('inbox-nvme', 'SCSIAdapter', 'stornvme'),
  inbox('inbox-xhci', 'USB', 'usbxhci'),
  inbox('inbox-hub', 'USB', 'usbhub3'),
  inbox('inbox-tpm', 'SecurityDevices', 'tpm'),
  inbox('inbox-system', 'System', 'machine'),
  inbox('inbox-audio', 'MEDIA', 'hdaudio'),
  inbox('inbox-input', 'USB', 'input'),
];

export function familyByKey(key: string): DriverFamily {
  const found = driverFamilies.find((candidate) => candidate.key === key);
  if (found === undefined) throw new RangeError(`no driver family ${key}`);

  return found;
}
