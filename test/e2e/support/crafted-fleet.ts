// The crafted fleet: three hardware models, fifteen machines, and the reports they send. Model A
// has a NIC, a GPU its OEM builds a driver for (CHID-targeted), a sensor without a driver and a
// firmware resource; model B has the NIC, the same GPU and an audio device without the vendor's
// extension; model C has the NIC and a sensor with a vendor driver installed.
import {
  audioId,
  firmwareId,
  gpuId,
  gpuSubsystemId,
  modelAChid,
  nicId,
  sensorId,
} from './crafted-catalog.js';

export type Model = 'A' | 'B' | 'C';

export interface InstalledNic {
  readonly version: string;
  readonly date: string;
}

export const oldNic: InstalledNic = { version: '1.0.0.0', date: '2023-05-01' };
export const midNic: InstalledNic = { version: '1.5.0.0', date: '2024-03-01' };
export const newestNic: InstalledNic = { version: '9.0.0.0', date: '2025-06-01' };
/** What the catalog's second NIC package installs. */
export const nicV2Installed: InstalledNic = { version: '2.0.0.0', date: '2024-06-01' };

export interface CraftedDevice {
  readonly name: string;
  readonly deviceId: string;
  readonly model: Model;
  readonly nic: InstalledNic;
}

function device(index: number, name: string, model: Model, nic: InstalledNic): CraftedDevice {
  const deviceId = `d0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

  return { name, deviceId, model, nic };
}

export const devices: readonly CraftedDevice[] = [
  device(1, 'PC-A1', 'A', oldNic),
  device(2, 'PC-A2', 'A', oldNic),
  device(3, 'PC-A3', 'A', oldNic),
  device(4, 'PC-A4', 'A', midNic),
  device(5, 'PC-A5', 'A', midNic),
  device(6, 'PC-A6', 'A', midNic),
  device(7, 'PC-B1', 'B', oldNic),
  device(8, 'PC-B2', 'B', oldNic),
  device(9, 'PC-B3', 'B', midNic),
  device(10, 'PC-B4', 'B', midNic),
  device(11, 'PC-B5', 'B', midNic),
  device(12, 'PC-C1', 'C', midNic),
  device(13, 'PC-C2', 'C', midNic),
  device(14, 'PC-C3', 'C', midNic),
  device(15, 'PC-C4', 'C', newestNic),
  // In no group: reports, but no profile reaches it.
  device(16, 'PC-D1', 'A', oldNic),
];

/** Ring 1 and ring 2 are nested in "All rings"; "Held back" is the exclusion group. */
export const ring1 = ['PC-A1', 'PC-A2', 'PC-A3', 'PC-A4', 'PC-A5', 'PC-A6', 'PC-B1', 'PC-B2'];
export const ring2 = ['PC-B3', 'PC-B4', 'PC-B5', 'PC-C1', 'PC-C2', 'PC-C3', 'PC-C4'];
export const heldBack = ['PC-A6', 'PC-B5'];

const chids: Readonly<Record<Model, string>> = {
  A: modelAChid,
  B: '{7c1f6c52-3a8e-4f0b-9d3e-2a61b5c0d002}',
  C: '{7c1f6c52-3a8e-4f0b-9d3e-2a61b5c0d003}',
};

type Node = Record<string, unknown>;

function nicNode(nic: InstalledNic): Node {
  return {
    instanceId: 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&11583659&0&FE',
    hardwareIds: [`${nicId}&REV_03`, nicId],
    compatibleIds: ['PCI\\VEN_8086&DEV_15F3&REV_03', 'PCI\\VEN_8086&DEV_15F3', 'PCI\\CC_020000'],
    installedDriver: {
      infName: 'oem12.inf',
      provider: 'Contoso',
      class: 'Net',
      version: nic.version,
      date: nic.date,
      matchingId: nicId,
      rank: '0x00FF0001',
    },
    extensionDrivers: [],
  };
}

const gpuNode: Node = {
  instanceId: 'PCI\\VEN_10DE&DEV_2520&SUBSYS_A0001028&REV_A1\\4&2a1b3c4d&0&0008',
  hardwareIds: [`${gpuSubsystemId}&REV_A1`, gpuSubsystemId],
  compatibleIds: ['PCI\\VEN_10DE&DEV_2520&REV_A1', gpuId, 'PCI\\CC_030000'],
  installedDriver: {
    infName: 'oem30.inf',
    provider: 'Northwind Graphics',
    class: 'Display',
    version: '31.0.15.3000',
    date: '2023-10-01',
    matchingId: gpuId,
    rank: '0x00FF2001',
  },
  extensionDrivers: [],
};

function sensorNode(installed: boolean): Node {
  return {
    instanceId: 'ACPI\\CTSO0001\\1',
    hardwareIds: [sensorId],
    compatibleIds: ['*CTSO0001'],
    installedDriver: installed
      ? {
          infName: 'oem5.inf',
          provider: 'Contoso',
          class: 'Sensor',
          version: '4.0.0.0',
          date: '2023-01-01',
          matchingId: sensorId,
          rank: '0x00FF0000',
        }
      : null,
    extensionDrivers: [],
  };
}

const firmwareNode: Node = {
  instanceId: `${firmwareId}\\0`,
  hardwareIds: [firmwareId],
  compatibleIds: [],
  installedDriver: {
    infName: 'oem7.inf',
    provider: 'Contoso',
    class: 'Firmware',
    version: '1.0.0.16',
    date: '2023-06-01',
    matchingId: firmwareId,
    rank: '0x00FF0000',
  },
  extensionDrivers: [],
};

const audioNode: Node = {
  instanceId: 'HDAUDIO\\FUNC_01&VEN_10EC&DEV_0295&SUBSYS_10280A2E&REV_1000\\4&1&0&0001',
  hardwareIds: [`${audioId}&SUBSYS_10280A2E&REV_1000`, `${audioId}&SUBSYS_10280A2E`, audioId],
  compatibleIds: ['HDAUDIO\\FUNC_01&VEN_10EC', 'HDAUDIO\\FUNC_01'],
  installedDriver: {
    infName: 'oem20.inf',
    provider: 'Realtek',
    class: 'MEDIA',
    version: '6.0.9000.0',
    date: '2024-01-01',
    matchingId: `${audioId}&SUBSYS_10280A2E`,
    rank: '0x00FF0001',
  },
  extensionDrivers: [],
};

function nodesOf(model: Model, nic: InstalledNic): Node[] {
  if (model === 'A') return [nicNode(nic), gpuNode, sensorNode(false), firmwareNode];
  if (model === 'B') return [nicNode(nic), gpuNode, audioNode];

  return [nicNode(nic), sensorNode(true)];
}

/** The device's report at `reportedDateTime`, with `nic` installed (its own by default). */
export function reportOf(
  target: CraftedDevice,
  reportedDateTime: string,
  nic: InstalledNic = target.nic,
): Record<string, unknown> {
  return {
    deviceId: target.deviceId,
    deviceName: target.name,
    reportedDateTime,
    os: { version: '10.0.22631.4602', architecture: 'amd64' },
    computerHardwareIds: [chids[target.model]],
    devices: nodesOf(target.model, nic),
  };
}

export function deviceNamed(name: string): CraftedDevice {
  const found = devices.find((entry) => entry.name === name);
  if (!found) throw new Error(`no crafted device ${name}`);

  return found;
}
