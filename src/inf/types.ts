// The structured result of reading one INF file. This is the shape `drivergraph inf show --json`
// prints, so its field names are part of the product's interface.

export type Architecture = 'x86' | 'amd64' | 'arm' | 'arm64' | 'ia64';

/** A `[Manufacturer]` decoration: `NT[arch][.major[.minor[.productType[.suiteMask[.build]]]]]`. */
export interface InfPlatform {
  readonly architecture: Architecture | null;
  readonly osMajor: number | null;
  readonly osMinor: number | null;
  readonly productType: number | null;
  readonly suiteMask: number | null;
  readonly build: number | null;
}

export interface DriverVer {
  /** `YYYY-MM-DD`, or null when absent or unreadable. */
  readonly date: string | null;
  /** Four dot-separated 16-bit parts, or null when absent or unreadable. */
  readonly version: string | null;
}

export interface InfModel {
  readonly manufacturer: string;
  /** Index of the `[Manufacturer]` entry the line came from; decorations compete within one. */
  readonly manufacturerIndex?: number;
  /** The decorated models section this line came from, as written in `[Manufacturer]`. */
  readonly section: string;
  readonly platform: InfPlatform;
  readonly description: string;
  readonly installSection: string;
  readonly hardwareId: string;
  readonly compatibleIds: readonly string[];
  /** FeatureScore of the install section (0x00-0xFF), or null when the INF gives none. */
  readonly featureScore: number | null;
  /** DriverVer of the install section when it overrides the one in `[Version]`. */
  readonly driverVer: DriverVer | null;
}

export interface InfCatalogFile {
  /** The decoration after `CatalogFile.` (`ntamd64`), or null for the plain directive. */
  readonly platform: string | null;
  readonly file: string;
}

export interface InfWarning {
  /** 1-based line number in the decoded text, or null when the warning concerns the whole file. */
  readonly line: number | null;
  readonly message: string;
}

/** What kind of INF this is; only `driver` INFs can enter the catalog. */
export type InfKind =
  'driver' | 'autorun' | 'ie-cab' | 'edk2-module' | 'windows9x' | 'no-models' | 'unknown';

export interface InfDocument {
  readonly kind: InfKind;
  /** A sentence for a person when `kind` is not `driver`, or null. */
  readonly kindReason: string | null;
  readonly signature: string | null;
  readonly class: string | null;
  readonly classGuid: string | null;
  readonly provider: string | null;
  readonly driverVer: DriverVer;
  readonly extensionId: string | null;
  readonly pnpLockdown: boolean | null;
  readonly driverPackageType: string | null;
  readonly catalogFiles: readonly InfCatalogFile[];
  readonly models: readonly InfModel[];
  /** Template markers (`$ARCH$`, `#TOKEN#`, `@TOKEN@`) left unresolved after stamping. */
  readonly unresolvedTemplates: readonly string[];
  /** False when unresolved templates or missing essentials keep the INF from being installed. */
  readonly deployable: boolean;
  readonly encoding: 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';
  readonly warnings: readonly InfWarning[];
}
