import type { Architecture, InfDocument, InfModel } from '../inf/types.js';
import type { CatalogMatchRow, CatalogPackage, PublishingKind } from './types.js';
import { windowsUpdateClass } from './windows-update-class.js';

export interface PackageFromInfInput {
  readonly id: string;
  readonly infName: string;
  readonly inf: InfDocument;
  /** Names of the files in the package, relative to the INF's folder. */
  readonly files: readonly string[];
  readonly publishing: PublishingKind;
  readonly chids: readonly string[];
  /** Keep only the models sections that serve this architecture. */
  readonly arch?: Architecture;
}

export type PackageFromInfResult =
  | { readonly kind: 'package'; readonly package: CatalogPackage; readonly rows: CatalogMatchRow[] }
  | { readonly kind: 'skipped'; readonly reason: string };

const NO_FEATURE_SCORE = 0xff;

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

// Windows runs undecorated models sections (and plain `NT`) on x86 only.
function servesArchitecture(model: InfModel, arch: Architecture | undefined): boolean {
  if (arch === undefined) return true;

  return (model.platform.architecture ?? 'x86') === arch;
}

function isSigned(inf: InfDocument, files: readonly string[], arch: Architecture | undefined) {
  const names = new Set(files.map(baseName));

  return inf.catalogFiles.some(
    (catalog) =>
      (arch === undefined || catalog.platform === null || catalog.platform === `nt${arch}`) &&
      names.has(baseName(catalog.file)),
  );
}

function rowsOf(model: InfModel, packageId: string, inf: InfDocument, manufacturerIndex: number) {
  const override = model.driverVer;
  const differs =
    override !== null &&
    (override.date !== inf.driverVer.date || override.version !== inf.driverVer.version);
  const ids = [model.hardwareId, ...model.compatibleIds];

  return ids.map((id, position): CatalogMatchRow => ({
    packageId,
    matchId: id.toUpperCase(),
    kind: position === 0 ? 'hardware' : 'compatible',
    position: position === 0 ? 0 : position - 1,
    manufacturerIndex,
    architecture: model.platform.architecture,
    osMajor: model.platform.osMajor,
    osMinor: model.platform.osMinor,
    productType: model.platform.productType,
    build: model.platform.build,
    featureScore: model.featureScore ?? NO_FEATURE_SCORE,
    installSection: model.installSection,
    date: differs ? override.date : null,
    version: differs ? override.version : null,
  }));
}

// A hardware-ID row outranks a compatible-ID row for the same ID, and an earlier compatible
// position outranks a later one, so that is the row worth keeping.
function isBetter(row: CatalogMatchRow, than: CatalogMatchRow): boolean {
  if (row.kind !== than.kind) return row.kind === 'hardware';

  return row.position < than.position;
}

function manufacturerIndexes(models: readonly InfModel[]): number[] {
  const names: string[] = [];

  return models.map((model) => {
    if (model.manufacturerIndex !== undefined) return model.manufacturerIndex;
    if (!names.includes(model.manufacturer)) names.push(model.manufacturer);

    return names.indexOf(model.manufacturer);
  });
}

function whySkipped(inf: InfDocument, models: readonly InfModel[]): string | null {
  if (inf.kind !== 'driver') return inf.kindReason ?? `not a driver INF (${inf.kind})`;
  if (!inf.deployable) {
    return inf.unresolvedTemplates.length > 0
      ? `unfilled templates: ${inf.unresolvedTemplates.join(', ')}`
      : 'not installable as it is (see the INF warnings)';
  }
  if (inf.driverVer.date === null || inf.driverVer.version === null) return 'no valid DriverVer';
  if (models.length === 0) return 'no models for this architecture';

  return null;
}

/** Turns a read INF into a catalog package and the IDs it matches, or says why it cannot. */
export function packageFromInf(input: PackageFromInfInput): PackageFromInfResult {
  const { inf, arch } = input;
  const indexes = manufacturerIndexes(inf.models);
  const chosen = inf.models
    .map((model, i) => ({ model, manufacturerIndex: indexes[i] as number }))
    .filter(({ model }) => servesArchitecture(model, arch));
  const reason = whySkipped(
    inf,
    chosen.map(({ model }) => model),
  );

  if (reason !== null) return { kind: 'skipped', reason };

  const best = new Map<string, CatalogMatchRow>();

  for (const { model, manufacturerIndex } of chosen) {
    for (const row of rowsOf(model, input.id, inf, manufacturerIndex)) {
      const section = model.section.toLowerCase();
      const key = `${row.matchId}\n${section}\n${manufacturerIndex}\n${row.featureScore}`;
      const kept = best.get(key);

      if (!kept || isBetter(row, kept)) best.set(key, row);
    }
  }

  const driverClass = windowsUpdateClass(inf.class);
  const manufacturer = inf.models[0]?.manufacturer ?? '';
  const provider = inf.provider ?? manufacturer;
  const version = inf.driverVer.version as string;

  return {
    kind: 'package',
    package: {
      id: input.id,
      name: `${provider} - ${driverClass} - ${version}`,
      infName: input.infName,
      provider,
      manufacturer,
      infClass: inf.class ?? '',
      classGuid: inf.classGuid,
      driverClass,
      version,
      date: inf.driverVer.date as string,
      signed: isSigned(inf, input.files, arch),
      extensionId: inf.extensionId,
      publishing: input.publishing,
      chids: [...input.chids],
    },
    rows: [...best.values()],
  };
}
