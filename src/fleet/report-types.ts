// What a device reports about itself (its hardware and installed drivers). Mirrors what the
// Windows Update client sends to its service; field names are part of the product's interface.

export interface InstalledDriver {
  readonly infName: string;
  readonly provider: string | null;
  readonly class: string | null;
  readonly version: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly matchingId: string | null;
  /** `0xSSGGTHHH` as Windows logged it, or null when the device did not say. */
  readonly rank: string | null;
}

export interface InstalledExtension {
  readonly extensionId: string;
  readonly infName: string;
  readonly version: string;
  readonly date: string;
}

export interface DeviceNode {
  readonly instanceId: string;
  readonly hardwareIds: readonly string[];
  readonly compatibleIds: readonly string[];
  readonly installedDriver: InstalledDriver | null;
  readonly extensionDrivers: readonly InstalledExtension[];
}

export interface ReportedOs {
  /** `major.minor.build[.revision]`, e.g. `10.0.22631.4602`. */
  readonly version: string;
  readonly architecture: 'x86' | 'amd64' | 'arm' | 'arm64';
}

export interface DeviceReport {
  readonly deviceId: string;
  readonly deviceName: string;
  /** ISO 8601 UTC. */
  readonly reportedDateTime: string;
  readonly os: ReportedOs;
  readonly computerHardwareIds: readonly string[];
  readonly devices: readonly DeviceNode[];
}
