// Content addressing of device reports. Fleets are mostly identical machines, so the engine
// works per distinct hardware configuration; the key names a configuration by its content.
import { createHash } from 'node:crypto';

import type {
  DeviceReport,
  InstalledDriver,
  InstalledExtension,
  ReportedOs,
} from './report-types.js';

export interface ConfiguredNode {
  readonly hardwareIds: readonly string[];
  readonly compatibleIds: readonly string[];
  readonly installedDriver: InstalledDriver | null;
  readonly extensionDrivers: readonly InstalledExtension[];
}

/**
 * What decides which drivers apply to a machine. Left out on purpose: who the machine is
 * (deviceId, deviceName, reportedDateTime); instance IDs, because they carry serial numbers,
 * Bluetooth addresses and per-install GUIDs that differ between identical machines; and the OS
 * revision (the monthly update number), which no INF decoration can target.
 */
export interface DeviceConfiguration {
  readonly os: ReportedOs;
  /** Upper-cased and sorted. */
  readonly computerHardwareIds: readonly string[];
  /** Sorted by content, without repeats; IDs upper-cased and kept in their reported order. */
  readonly devices: readonly ConfiguredNode[];
}

export interface AddressedConfiguration {
  /** SHA-256 of the configuration's canonical JSON, 64 lower-case hex digits. */
  readonly key: string;
  readonly configuration: DeviceConfiguration;
  /** The content address of each of `configuration.devices`, in the same order. */
  readonly nodeKeys: readonly string[];
}

/**
 * A configuration as stored: its nodes by content address. Identical nodes recur across many
 * configurations (the same chipset in every model of a line), so each is stored once.
 */
export interface NodeKeyedConfiguration {
  readonly os: ReportedOs;
  readonly computerHardwareIds: readonly string[];
  readonly nodeKeys: readonly string[];
}

/**
 * Node keys by canonical node text. Identical machines repeat the same nodes report after
 * report, so an import hashes each distinct node once; past `limit` entries it starts afresh,
 * which bounds memory on fleets of all-different machines.
 */
export class NodeKeyMemo {
  private readonly keys = new Map<string, string>();

  constructor(private readonly limit = 50_000) {}

  keyOf(canonicalNodeText: string): string {
    const known = this.keys.get(canonicalNodeText);
    if (known !== undefined) return known;

    const key = nodeKeyOf(canonicalNodeText);
    if (this.keys.size >= this.limit) this.keys.clear();
    this.keys.set(canonicalNodeText, key);

    return key;
  }
}

export function configurationOf(report: DeviceReport, memo?: NodeKeyMemo): AddressedConfiguration {
  const os: ReportedOs = {
    version: report.os.version.split('.').slice(0, 3).join('.'),
    architecture: report.os.architecture,
  };
  const computerHardwareIds = report.computerHardwareIds.map((chid) => chid.toUpperCase()).sort();
  const byText = new Map<string, ConfiguredNode>();

  for (const device of report.devices) {
    const node = canonicalNode(device);
    byText.set(JSON.stringify(node), node);
  }

  const texts = [...byText.keys()].sort();
  const devices = texts.map((text) => byText.get(text) as ConfiguredNode);
  const canonical =
    `{"os":${JSON.stringify(os)},"computerHardwareIds":${JSON.stringify(computerHardwareIds)},` +
    `"devices":[${texts.join(',')}]}`;
  const key = createHash('sha256').update(canonical).digest('hex');

  return {
    key,
    configuration: { os, computerHardwareIds, devices },
    nodeKeys: texts.map((text) => (memo ? memo.keyOf(text) : nodeKeyOf(text))),
  };
}

/**
 * SHA-256 of a node's canonical JSON in base64url (43 characters): configurations list their
 * nodes by these keys, so a short key keeps every stored configuration small.
 */
export function nodeKeyOf(canonicalNodeText: string): string {
  return createHash('sha256').update(canonicalNodeText).digest('base64url');
}

export function nodeKeyedOf(addressed: AddressedConfiguration): NodeKeyedConfiguration {
  const { os, computerHardwareIds } = addressed.configuration;

  return { os, computerHardwareIds, nodeKeys: addressed.nodeKeys };
}

// Fields are written in a fixed order so that equal content always gives equal JSON text.
function canonicalNode(device: DeviceReport['devices'][number]): ConfiguredNode {
  const driver = device.installedDriver;

  return {
    hardwareIds: device.hardwareIds.map((id) => id.toUpperCase()),
    compatibleIds: device.compatibleIds.map((id) => id.toUpperCase()),
    installedDriver:
      driver === null
        ? null
        : {
            infName: driver.infName.toLowerCase(),
            provider: driver.provider,
            class: driver.class,
            version: canonicalVersion(driver.version),
            date: driver.date,
            matchingId: driver.matchingId === null ? null : driver.matchingId.toUpperCase(),
            rank: driver.rank === null ? null : driver.rank.toUpperCase().replace('0X', '0x'),
          },
    extensionDrivers: device.extensionDrivers
      .map((extension) => ({
        extensionId: extension.extensionId.toUpperCase(),
        infName: extension.infName.toLowerCase(),
        version: canonicalVersion(extension.version),
        date: extension.date,
      }))
      .sort((a, b) => compareText(a.extensionId + a.infName, b.extensionId + b.infName)),
  };
}

// `01.2.0.0` and `1.2.0.0` are the same version to Windows.
function canonicalVersion(version: string): string {
  return version
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
