// Small hand-built catalog entries and device nodes for the engine's rule tests.
import type { Architecture } from '../../src/inf/types.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import type { DeviceNode, InstalledDriver, ReportedOs } from '../../src/fleet/report-types.js';

export const windows11: ReportedOs = { version: '10.0.22631.4602', architecture: 'amd64' };

export function aPackage(id: string, overrides: Partial<CatalogPackage> = {}): CatalogPackage {
  return {
    id,
    name: `Contoso - Net - ${overrides.version ?? '1.0.0.0'}`,
    infName: `${id}.inf`,
    provider: 'Contoso',
    manufacturer: 'Contoso',
    infClass: 'Net',
    classGuid: '{4d36e972-e325-11ce-bfc1-08002be10318}',
    driverClass: 'Networking',
    version: '1.0.0.0',
    date: '2024-01-01',
    signed: true,
    extensionId: null,
    publishing: 'automatic',
    chids: [],
    ...overrides,
  };
}

export interface ModelLine {
  /** The model line's hardware ID then its compatible IDs; an empty first entry means none. */
  readonly ids: readonly string[];
  /** As an INF writes it, `NTamd64.10.0...22000`; `NTamd64` when absent. */
  readonly decoration?: string;
  readonly featureScore?: number;
  readonly manufacturerIndex?: number;
  readonly installSection?: string;
}

export function rowsOf(packageId: string, lines: readonly ModelLine[]): CatalogMatchRow[] {
  return lines.flatMap((line) => {
    const platform = parseDecoration(line.decoration ?? 'NTamd64');
    const [hardwareId = '', ...compatibleIds] = line.ids;
    const common = {
      packageId,
      manufacturerIndex: line.manufacturerIndex ?? 0,
      ...platform,
      featureScore: line.featureScore ?? 0xff,
      installSection: line.installSection ?? 'Install',
      date: null,
      version: null,
    };
    const hardware: CatalogMatchRow[] =
      hardwareId === ''
        ? []
        : [{ ...common, matchId: hardwareId.toUpperCase(), kind: 'hardware', position: 0 }];

    return [
      ...hardware,
      ...compatibleIds.map((id, position): CatalogMatchRow => ({
        ...common,
        matchId: id.toUpperCase(),
        kind: 'compatible',
        position,
      })),
    ];
  });
}

export function aNode(overrides: Partial<DeviceNode> = {}): DeviceNode {
  return {
    instanceId: 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&11583659&0&FE',
    hardwareIds: [
      'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03',
      'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086',
    ],
    compatibleIds: ['PCI\\VEN_8086&DEV_15F3&REV_03', 'PCI\\VEN_8086&DEV_15F3', 'PCI\\CC_020000'],
    installedDriver: null,
    extensionDrivers: [],
    ...overrides,
  };
}

export function anInstalledDriver(overrides: Partial<InstalledDriver> = {}): InstalledDriver {
  return {
    infName: 'oem12.inf',
    provider: 'Contoso',
    class: 'Net',
    version: '1.0.0.0',
    date: '2024-01-01',
    matchingId: null,
    rank: null,
    ...overrides,
  };
}

function parseDecoration(
  text: string,
): Pick<CatalogMatchRow, 'architecture' | 'osMajor' | 'osMinor' | 'productType' | 'build'> {
  const [head = 'NT', major, minor, productType, , build] = text.split('.');
  const architecture = (head.slice(2).toLowerCase() || null) as Architecture | null;
  const number = (value: string | undefined): number | null =>
    value === undefined || value === '' ? null : Number(value);

  return {
    architecture,
    osMajor: number(major),
    osMinor: number(minor),
    productType: number(productType),
    build: number(build),
  };
}
