// A small valid device report for tests to copy and spoil.
import type { DeviceReport } from '../../src/fleet/report-types.js';

export function sampleReport(): DeviceReport {
  return {
    deviceId: '7f9c2a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b',
    deviceName: 'PC-0042',
    reportedDateTime: '2026-12-01T10:00:00Z',
    os: { version: '10.0.22631.4602', architecture: 'amd64' },
    computerHardwareIds: [
      '{3f6e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b}',
      '{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}',
    ],
    devices: [
      {
        instanceId: 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&11583659&0&FE',
        hardwareIds: [
          'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03',
          'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086',
        ],
        compatibleIds: [
          'PCI\\VEN_8086&DEV_15F3&REV_03',
          'PCI\\VEN_8086&DEV_15F3',
          'PCI\\CC_020000',
        ],
        installedDriver: {
          infName: 'oem12.inf',
          provider: 'Intel',
          class: 'Net',
          version: '1.0.2.3',
          date: '2023-05-01',
          matchingId: 'PCI\\VEN_8086&DEV_15F3',
          rank: '0x00FF2001',
        },
        extensionDrivers: [
          {
            extensionId: '{5a4a3d1e-6d6b-4b8a-9c0e-2f71a6d3c812}',
            infName: 'oem40.inf',
            version: '2.1.0.0',
            date: '2023-06-01',
          },
        ],
      },
      {
        instanceId: 'ACPI\\MSFT0101\\1',
        hardwareIds: ['ACPI\\VEN_MSFT&DEV_0101', 'ACPI\\MSFT0101', '*MSFT0101'],
        compatibleIds: [],
        installedDriver: null,
        extensionDrivers: [],
      },
    ],
  };
}

/** Parsed JSON of any shape, which tests reach into freely to spoil one field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON by design
export type LooseJson = any;

/** A deep, mutable copy, for tests that spoil one field. */
export function mutableSample(): LooseJson {
  return JSON.parse(JSON.stringify(sampleReport())) as LooseJson;
}
