// Catalog entries as the store keeps them and the applicability engine reads them.
import type { Architecture } from '../inf/types.js';

/** Windows Update's driver class names, which differ from INF `Class=` names. */
export type WindowsUpdateClass =
  | 'Video'
  | 'Networking'
  | 'Sound'
  | 'Printers'
  | 'OtherHardware'
  | 'Firmware'
  | 'System'
  | 'Bluetooth'
  | 'Camera'
  | 'Biometric'
  | 'HIDClass'
  | 'Monitor'
  | 'SoftwareComponent'
  | 'Other';

/**
 * Automatic drivers are offered by scheduled scans; optional ones only where no driver or a
 * generic one is installed.
 */
export type PublishingKind = 'automatic' | 'optional';

/** One driver package: an INF with its files. */
export interface CatalogPackage {
  /** 64 hex digits derived from the package content. */
  readonly id: string;
  /** `Provider - Class - Version`, as Windows Update titles drivers. */
  readonly name: string;
  readonly infName: string;
  readonly provider: string;
  readonly manufacturer: string;
  readonly infClass: string;
  readonly classGuid: string | null;
  readonly driverClass: WindowsUpdateClass;
  readonly version: string;
  /** `YYYY-MM-DD` from DriverVer. */
  readonly date: string;
  readonly signed: boolean;
  readonly extensionId: string | null;
  readonly publishing: PublishingKind;
  /** Computer hardware IDs the package is limited to; empty for no limit. */
  readonly chids: readonly string[];
}

/**
 * One ID an INF models line offers, under one decorated models section. The engine picks, per
 * package and manufacturer, the decoration that fits the device's OS and uses only its rows.
 */
export interface CatalogMatchRow {
  readonly packageId: string;
  /** Upper-cased hardware or compatible ID. */
  readonly matchId: string;
  /** `hardware` for the model line's hardware ID, `compatible` for one of its compatible IDs. */
  readonly kind: 'hardware' | 'compatible';
  /** Position among the model line's compatible IDs (0 for the hardware ID). */
  readonly position: number;
  /** Index of the `[Manufacturer]` entry within the package: decorations compete within one. */
  readonly manufacturerIndex: number;
  readonly architecture: Architecture | null;
  readonly osMajor: number | null;
  readonly osMinor: number | null;
  readonly productType: number | null;
  readonly build: number | null;
  /** 0x00-0xFF; 0xFF when the INF gives no FeatureScore. */
  readonly featureScore: number;
  readonly installSection: string;
  /** Per-install-section DriverVer when it differs from the package's. */
  readonly date: string | null;
  readonly version: string | null;
}
