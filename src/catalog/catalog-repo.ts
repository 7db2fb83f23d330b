// The catalog in the store. A package's id is a hash of its files, so a stored package never
// changes: saving one that exists is a no-op, which makes every import safe to repeat.
import type { Insertable, Selectable } from 'kysely';
import type { Architecture } from '../inf/types.js';
import type { CatalogMatchRowTable, CatalogPackageTable } from '../store/schema.js';
import type { Db } from '../store/store.js';
import type {
  CatalogMatchRow,
  CatalogPackage,
  PublishingKind,
  WindowsUpdateClass,
} from './types.js';

export type SaveOutcome = 'imported' | 'unchanged';

/** A stored package with what the store adds to it. */
export interface CatalogPackageRecord {
  readonly package: CatalogPackage;
  readonly infSize: number;
  readonly importedAt: string;
}

export interface LoadedCatalog {
  readonly packages: CatalogPackage[];
  readonly rows: CatalogMatchRow[];
}

// 17 bound values a row: 1,000 rows stay below both SQLite's (32,766) and PostgreSQL's (65,535)
// parameter limits per statement.
const rowsPerInsert = 1000;
// For `in (...)` lists of match ids and package ids.
const idsPerQuery = 5000;

/**
 * Stores a package and its match rows. Call it inside a transaction, so a package is never seen
 * without its rows. `infSize` is the size in bytes of the INF as imported.
 */
export async function savePackage(
  db: Db,
  tenantId: string,
  pkg: CatalogPackage,
  rows: readonly CatalogMatchRow[],
  now: Date,
  infSize = 0,
): Promise<SaveOutcome> {
  const result = await db
    .insertInto('catalog_packages')
    .values(packageRow(tenantId, pkg, now, infSize))
    .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doNothing())
    .executeTakeFirst();

  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return 'unchanged';

  const values = rows.map((row, index) => matchRow(tenantId, pkg.id, index, row));

  for (let start = 0; start < values.length; start += rowsPerInsert) {
    await db
      .insertInto('catalog_match_rows')
      .values(values.slice(start, start + rowsPerInsert))
      .execute();
  }

  return 'imported';
}

export async function getPackage(
  db: Db,
  tenantId: string,
  id: string,
): Promise<CatalogPackageRecord | null> {
  const row = await db
    .selectFrom('catalog_packages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

  return row ? recordOf(row) : null;
}

/** Every package of the tenant in name order, then id. */
export async function listPackages(db: Db, tenantId: string): Promise<CatalogPackageRecord[]> {
  const rows = await db
    .selectFrom('catalog_packages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .orderBy('id')
    .execute();

  return rows.map(recordOf);
}

/**
 * The tenant's catalog for the applicability engine. Given `matchIds` (any case), only rows for
 * those IDs come back, with the packages they belong to: a sync needs nothing else, and a
 * fleet reports far fewer IDs than a large catalog offers.
 */
export async function loadCatalog(
  db: Db,
  tenantId: string,
  matchIds?: Iterable<string>,
): Promise<LoadedCatalog> {
  if (matchIds === undefined) {
    const [packages, rows] = await Promise.all([
      db.selectFrom('catalog_packages').selectAll().where('tenant_id', '=', tenantId).execute(),
      db.selectFrom('catalog_match_rows').selectAll().where('tenant_id', '=', tenantId).execute(),
    ]);

    return finish(packages, rows);
  }

  const wanted = [...new Set([...matchIds].map((id) => id.toUpperCase()))];
  const rows: Selectable<CatalogMatchRowTable>[] = [];

  for (const ids of chunks(wanted, idsPerQuery)) {
    const found = await db
      .selectFrom('catalog_match_rows')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('match_id', 'in', ids)
      .execute();

    rows.push(...found);
  }

  const packageIds = [...new Set(rows.map((row) => row.package_id))];
  const packages: Selectable<CatalogPackageTable>[] = [];

  for (const ids of chunks(packageIds, idsPerQuery)) {
    const found = await db
      .selectFrom('catalog_packages')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();

    packages.push(...found);
  }

  return finish(packages, rows);
}

// Sorted in memory so the result does not depend on which index the database walked.
function finish(
  packages: readonly Selectable<CatalogPackageTable>[],
  rows: readonly Selectable<CatalogMatchRowTable>[],
): LoadedCatalog {
  const sortedRows = [...rows].sort(
    (a, b) => compareText(a.package_id, b.package_id) || a.row_index - b.row_index,
  );

  return {
    packages: [...packages].sort((a, b) => compareText(a.id, b.id)).map(packageOf),
    rows: sortedRows.map(matchRowOf),
  };
}

function packageRow(
  tenantId: string,
  pkg: CatalogPackage,
  now: Date,
  infSize: number,
): Insertable<CatalogPackageTable> {
  return {
    tenant_id: tenantId,
    id: pkg.id,
    name: pkg.name,
    inf_name: pkg.infName,
    provider: pkg.provider,
    manufacturer: pkg.manufacturer,
    inf_class: pkg.infClass,
    class_guid: pkg.classGuid,
    driver_class: pkg.driverClass,
    version: pkg.version,
    date: pkg.date,
    version_at: `${pkg.date}T00:00:00.000Z`,
    signed: pkg.signed ? 1 : 0,
    extension_id: pkg.extensionId,
    publishing: pkg.publishing,
    chids: JSON.stringify(pkg.chids),
    inf_size: infSize,
    imported_at: now.toISOString(),
  };
}

function matchRow(
  tenantId: string,
  packageId: string,
  index: number,
  row: CatalogMatchRow,
): Insertable<CatalogMatchRowTable> {
  return {
    tenant_id: tenantId,
    package_id: packageId,
    row_index: index,
    match_id: row.matchId.toUpperCase(),
    kind: row.kind,
    position: row.position,
    manufacturer_index: row.manufacturerIndex,
    architecture: row.architecture,
    os_major: row.osMajor,
    os_minor: row.osMinor,
    product_type: row.productType,
    build: row.build,
    feature_score: row.featureScore,
    install_section: row.installSection,
    date: row.date,
    version: row.version,
  };
}

export function packageOf(row: Selectable<CatalogPackageTable>): CatalogPackage {
  return {
    id: row.id,
    name: row.name,
    infName: row.inf_name,
    provider: row.provider,
    manufacturer: row.manufacturer,
    infClass: row.inf_class,
    classGuid: row.class_guid,
    driverClass: row.driver_class as WindowsUpdateClass,
    version: row.version,
    date: row.date,
    signed: Number(row.signed) === 1,
    extensionId: row.extension_id,
    publishing: row.publishing as PublishingKind,
    chids: JSON.parse(row.chids) as string[],
  };
}

function recordOf(row: Selectable<CatalogPackageTable>): CatalogPackageRecord {
  return { package: packageOf(row), infSize: Number(row.inf_size), importedAt: row.imported_at };
}

function matchRowOf(row: Selectable<CatalogMatchRowTable>): CatalogMatchRow {
  return {
    packageId: row.package_id,
    matchId: row.match_id,
    kind: row.kind as CatalogMatchRow['kind'],
    position: Number(row.position),
    manufacturerIndex: Number(row.manufacturer_index),
    architecture: row.architecture as Architecture | null,
    osMajor: nullableNumber(row.os_major),
    osMinor: nullableNumber(row.os_minor),
    productType: nullableNumber(row.product_type),
    build: nullableNumber(row.build),
    featureScore: Number(row.feature_score),
    installSection: row.install_section,
    date: row.date,
    version: row.version,
  };
}

// PostgreSQL drivers may hand integers back as strings; the engine compares numbers.
function nullableNumber(value: number | null): number | null {
  return value === null ? null : Number(value);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];

  for (let start = 0; start < items.length; start += size) {
    out.push(items.slice(start, start + size));
  }

  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
