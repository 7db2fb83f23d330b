// The catalog as Graph's Windows Update deployment service shows it: each package is a
// `driverUpdateCatalogEntry`. Only the columns named here are reachable by OData options.
import type { Selectable } from 'kysely';
import { defineEntity, type PropertyInput } from '../graph/odata/index.js';
import type { CatalogPackageTable } from '../store/schema.js';

export const catalogEntryType = '#microsoft.graph.windowsUpdates.driverUpdateCatalogEntry';

const text = (name: string, column: string, nullable = false): PropertyInput => ({
  name,
  column,
  type: 'string',
  filterable: true,
  sortable: true,
  nullable,
});

const dateTime = (name: string, column: string): PropertyInput => ({
  name,
  column,
  type: 'dateTimeOffset',
  filterable: true,
  sortable: true,
  nullable: false,
});

export const catalogEntrySpec = defineEntity({
  typeName: 'driverUpdateCatalogEntry',
  qualifiedName: 'microsoft.graph.windowsUpdates.driverUpdateCatalogEntry',
  baseTypes: [
    'microsoft.graph.windowsUpdates.softwareUpdateCatalogEntry',
    'microsoft.graph.windowsUpdates.catalogEntry',
    'microsoft.graph.entity',
  ],
  // The Windows Update catalog also lists feature and quality updates; this one holds drivers.
  otherTypes: [
    'microsoft.graph.windowsUpdates.featureUpdateCatalogEntry',
    'microsoft.graph.windowsUpdates.qualityUpdateCatalogEntry',
  ],
  key: 'id',
  searchable: ['name', 'provider', 'manufacturer', 'inf_name'],
  properties: [
    text('id', 'id'),
    text('displayName', 'name'),
    text('driverClass', 'driver_class'),
    text('manufacturer', 'manufacturer'),
    text('provider', 'provider'),
    text('setupInformationFile', 'inf_name'),
    text('version', 'version'),
    dateTime('versionDateTime', 'version_at'),
    dateTime('releaseDateTime', 'version_at'),
  ],
});

function describe(row: Selectable<CatalogPackageTable>): string {
  const signed = Number(row.signed) === 1 ? 'signed' : 'unsigned';
  const limited = (JSON.parse(row.chids) as string[]).length > 0 ? ', limited to CHIDs' : '';

  return `${row.inf_name} (${row.inf_class || 'no class'}, ${signed}, ${row.publishing}${limited})`;
}

/**
 * Both dates are the DriverVer date: it is what the profiles' driver lists show as a driver's
 * release, and a catalog of our own has no separate publication date worth showing.
 */
export function catalogEntryJson(row: Selectable<CatalogPackageTable>): Record<string, unknown> {
  return {
    '@odata.type': catalogEntryType,
    id: row.id,
    displayName: row.name,
    description: describe(row),
    deployableUntilDateTime: null,
    releaseDateTime: row.version_at,
    versionDateTime: row.version_at,
    driverClass: row.driver_class,
    manufacturer: row.manufacturer,
    provider: row.provider,
    setupInformationFile: row.inf_name,
    version: row.version,
  };
}
