// The catalog arranged for lookups by device ID. Built once per catalog and shared by every
// evaluation; the only state it gains afterwards is a memo of decoration choices, which are pure
// functions of the package and the OS.
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import { chooseDecoration, decorationKey, type Decoration, type OsTarget } from './platform.js';

export interface CatalogIndex {
  readonly packages: ReadonlyMap<string, CatalogPackage>;
  /** Upper-cased INF ID → the rows offering it, in a fixed order whatever the input order. */
  readonly rowsById: ReadonlyMap<string, readonly CatalogMatchRow[]>;
  /** `packageId` + manufacturer index → the decorations that entry has models sections for. */
  readonly decorations: ReadonlyMap<string, readonly Decoration[]>;
  readonly chosenDecorations: Map<string, Decoration | null>;
}

export function buildCatalogIndex(
  packages: readonly CatalogPackage[],
  rows: readonly CatalogMatchRow[],
): CatalogIndex {
  const packageMap = new Map(packages.map((entry) => [entry.id, entry]));
  const rowsById = new Map<string, CatalogMatchRow[]>();
  const decorations = new Map<string, Map<string, Decoration>>();

  for (const row of rows) {
    if (!packageMap.has(row.packageId)) continue;
    const id = row.matchId.toUpperCase();
    rowsById.set(id, [...(rowsById.get(id) ?? []), row]);
    const entryKey = manufacturerKey(row.packageId, row.manufacturerIndex);
    const known = decorations.get(entryKey) ?? new Map<string, Decoration>();
    known.set(decorationKey(row), decorationOf(row));
    decorations.set(entryKey, known);
  }

  for (const list of rowsById.values()) list.sort(compareRows);

  return {
    packages: packageMap,
    rowsById,
    decorations: new Map(
      [...decorations].map(([key, found]) => [key, [...found.values()]] as const),
    ),
    chosenDecorations: new Map(),
  };
}

/**
 * For one OS, whether the models section the OS uses is the row's own. Rows recur across nodes,
 * so callers that evaluate many nodes keep the answer per row.
 */
export type DecorationFits = Map<CatalogMatchRow, boolean>;

/** Whether the OS uses the row's own models section; `fits`, when given, holds answers for `os`. */
export function decorationFits(
  index: CatalogIndex,
  row: CatalogMatchRow,
  os: OsTarget,
  fits?: DecorationFits,
): boolean {
  const known = fits?.get(row);
  if (known !== undefined) return known;

  const chosen = chosenDecoration(index, row, os);
  const answer = chosen !== null && decorationKey(chosen) === decorationKey(row);
  fits?.set(row, answer);

  return answer;
}

/** The decoration the row's [Manufacturer] entry uses on this OS, or null when none serves it. */
export function chosenDecoration(
  index: CatalogIndex,
  row: CatalogMatchRow,
  os: OsTarget,
): Decoration | null {
  const entryKey = manufacturerKey(row.packageId, row.manufacturerIndex);
  const osKey = [os.architecture, os.major, os.minor, os.build, os.productType].join('.');
  const memoKey = `${entryKey}\u0000${osKey}`;
  const memo = index.chosenDecorations.get(memoKey);
  if (memo !== undefined) return memo;

  const chosen = chooseDecoration(index.decorations.get(entryKey) ?? [], os);
  index.chosenDecorations.set(memoKey, chosen);

  return chosen;
}

function manufacturerKey(packageId: string, manufacturerIndex: number): string {
  return `${packageId}\u0000${manufacturerIndex}`;
}

function decorationOf(row: CatalogMatchRow): Decoration {
  return {
    architecture: row.architecture,
    osMajor: row.osMajor,
    osMinor: row.osMinor,
    productType: row.productType,
    build: row.build,
  };
}

function compareRows(a: CatalogMatchRow, b: CatalogMatchRow): number {
  return compareText(rowKey(a), rowKey(b));
}

function rowKey(row: CatalogMatchRow): string {
  return [
    row.packageId,
    String(row.manufacturerIndex).padStart(6, '0'),
    decorationKey(row),
    row.kind,
    String(row.position).padStart(6, '0'),
    row.installSection,
    row.featureScore,
    row.date ?? '',
    row.version ?? '',
  ].join('\u0000');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
