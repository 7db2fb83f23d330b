// The crafted catalog: driver packages written for the end-to-end suites, each a zipped folder
// of an INF and its catalog file (so the package counts as signed), uploaded over HTTP.
import { strToU8, zipSync } from 'fflate';

export interface CraftedPackage {
  readonly folder: string;
  readonly infClass: string;
  readonly classGuid: string;
  readonly provider: string;
  /** `MM/DD/YYYY`, as DriverVer writes it. */
  readonly date: string;
  readonly version: string;
  readonly hardwareId: string;
  readonly extensionId?: string;
  readonly optional?: boolean;
  readonly chid?: string;
}

const netGuid = '{4d36e972-e325-11ce-bfc1-08002be10318}';

export const nicId = 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086';
export const gpuSubsystemId = 'PCI\\VEN_10DE&DEV_2520&SUBSYS_A0001028';
export const gpuId = 'PCI\\VEN_10DE&DEV_2520';
export const sensorId = 'ACPI\\CTSO0001';
export const firmwareId = 'UEFI\\RES_{6A3B1F57-2C1E-4D5B-9B0E-7F7A0C1D2E3F}';
export const audioId = 'HDAUDIO\\FUNC_01&VEN_10EC&DEV_0295';
export const modelAChid = '{7c1f6c52-3a8e-4f0b-9d3e-2a61b5c0d001}';

function nic(version: string, date: string): CraftedPackage {
  return {
    folder: `nic-${version}`,
    infClass: 'Net',
    classGuid: netGuid,
    provider: 'Contoso',
    date,
    version,
    hardwareId: nicId,
  };
}

/** Older than the NIC driver some devices run, so only devices with an older one get it. */
export const nicV1 = nic('1.2.0.0', '01/10/2024');
export const nicV2 = nic('2.0.0.0', '06/01/2024');
/** Arrives later in the story. */
export const nicV3 = nic('3.0.0.0', '01/15/2025');

/** The OEM's build for model A only: its better rank makes it model A's choice. */
export const gpuForModelA: CraftedPackage = {
  folder: 'gpu-oem',
  infClass: 'Display',
  classGuid: '{4d36e968-e325-11ce-bfc1-08002be10318}',
  provider: 'Fabrikam',
  date: '04/01/2024',
  version: '31.0.15.4000',
  hardwareId: gpuSubsystemId,
  chid: modelAChid,
};

export const gpuGeneric: CraftedPackage = {
  folder: 'gpu-generic',
  infClass: 'Display',
  classGuid: '{4d36e968-e325-11ce-bfc1-08002be10318}',
  provider: 'Northwind Graphics',
  date: '05/01/2024',
  version: '31.0.15.5000',
  hardwareId: gpuId,
};

export const sensorOptional: CraftedPackage = {
  folder: 'sensor',
  infClass: 'Sensor',
  classGuid: '{5175d334-c371-4806-b3ba-71fd53c9258d}',
  provider: 'Contoso',
  date: '02/02/2024',
  version: '4.1.0.0',
  hardwareId: sensorId,
  optional: true,
};

export const firmware: CraftedPackage = {
  folder: 'firmware',
  infClass: 'Firmware',
  classGuid: '{f2e7dd72-6468-4e36-b6f1-6488f42c1b52}',
  provider: 'Contoso',
  date: '07/01/2024',
  version: '1.0.0.20',
  hardwareId: firmwareId,
};

export const audioExtension: CraftedPackage = {
  folder: 'audio-extension',
  infClass: 'Extension',
  classGuid: '{e2f84ce7-8efa-411c-aa69-97454ca4cb57}',
  provider: 'Contoso',
  date: '08/08/2024',
  version: '6.0.9000.1',
  hardwareId: audioId,
  extensionId: '{9c4d7e21-5a3b-4f6c-8d2e-1b0a9f8e7d6c}',
};

export function infText(pkg: CraftedPackage): string {
  return [
    '[Version]',
    'Signature="$Windows NT$"',
    `Class=${pkg.infClass}`,
    `ClassGuid=${pkg.classGuid}`,
    ...(pkg.extensionId ? [`ExtensionId=${pkg.extensionId}`] : []),
    'Provider=%Vendor%',
    `DriverVer=${pkg.date},${pkg.version}`,
    'CatalogFile=package.cat',
    '',
    '[Manufacturer]',
    '%Vendor%=Models,NTamd64',
    '',
    '[Models.NTamd64]',
    `%Device%=Install,${pkg.hardwareId}`,
    '',
    '[Install]',
    'CopyFiles=Payload',
    '',
    '[Payload]',
    'package.sys',
    '',
    '[Strings]',
    `Vendor="${pkg.provider}"`,
    'Device="Crafted device"',
    '',
  ].join('\r\n');
}

/** The zipped folder and the upload's query string. */
export function uploadOf(pkg: CraftedPackage): {
  readonly zip: Uint8Array;
  readonly query: string;
} {
  const zip = zipSync({
    [`${pkg.folder}/package.inf`]: strToU8(infText(pkg)),
    [`${pkg.folder}/package.cat`]: strToU8(`catalog of ${pkg.folder}`),
    [`${pkg.folder}/package.sys`]: strToU8(`payload of ${pkg.folder}`),
  });
  const params = new URLSearchParams();
  if (pkg.optional) params.set('optional', 'true');
  if (pkg.chid) params.set('chid', pkg.chid);
  const query = params.size > 0 ? `?${params.toString()}` : '';

  return { zip, query };
}

/** `Provider - Class - Version`, as the driver list names a package. */
export function listedName(pkg: CraftedPackage, driverClass: string): string {
  return `${pkg.provider} - ${driverClass} - ${pkg.version}`;
}

/** DriverVer's `MM/DD/YYYY` as the list's releaseDateTime. */
export function releaseOf(pkg: CraftedPackage): string {
  const [month, day, year] = pkg.date.split('/');

  return `${year}-${month}-${day}T00:00:00.000Z`;
}
