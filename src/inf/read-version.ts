import type { DriverVer, InfCatalogFile } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import { readEntries } from './read-entries.js';
import { parseDriverVer } from './parse-driver-ver.js';

export interface VersionSection {
  readonly present: boolean;
  readonly signature: string | null;
  readonly class: string | null;
  readonly classGuid: string | null;
  readonly provider: string | null;
  readonly driverVer: DriverVer;
  readonly extensionId: string | null;
  readonly pnpLockdown: boolean | null;
  readonly driverPackageType: string | null;
  readonly catalogFiles: readonly InfCatalogFile[];
  /** Set by Internet Explorer's Advanced INF installer, which CAB INFs use. */
  readonly advancedInf: boolean;
}

const SIGNATURES = new Set(['$windows nt$', '$chicago$', '$windows 95$']);
const GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const CATALOG_FILE = 'catalogfile';

const ABSENT: VersionSection = {
  present: false,
  signature: null,
  class: null,
  classGuid: null,
  provider: null,
  driverVer: { date: null, version: null },
  extensionId: null,
  pnpLockdown: null,
  driverPackageType: null,
  catalogFiles: [],
  advancedInf: false,
};

function checkedGuid(value: string | null, what: string, at: number, warnings: PendingWarning[]) {
  if (value !== null && !GUID.test(value)) {
    warnings.push({ at, message: `${what} "${value}" is not a {GUID}` });
  }

  return value;
}

/** Reads the [Version] directives that identify the package and its class. */
export function readVersion(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
): VersionSection {
  const section = index.get('version');

  if (!section) return ABSENT;

  const values = new Map<string, { value: string | null; fields: string[]; at: number }>();
  const catalogFiles: InfCatalogFile[] = [];

  for (const entry of readEntries(index.text, section, { splitFields: true }, warnings)) {
    const key = entry.key?.toLowerCase();
    const fields = entry.fields.map((field) => substitute(field, entry.at));
    const value = fields.join(', ').trim();

    if (key === undefined) continue;

    if (key === CATALOG_FILE || key.startsWith(`${CATALOG_FILE}.`)) {
      const platform = key === CATALOG_FILE ? null : key.slice(CATALOG_FILE.length + 1);

      if (value === '') warnings.push({ at: entry.at, message: 'CatalogFile names no file' });
      else catalogFiles.push({ platform, file: value });
    } else if (!values.has(key)) {
      values.set(key, { value: value === '' ? null : value, fields, at: entry.at });
    }
  }

  const get = (key: string) => values.get(key)?.value ?? null;
  const atOf = (key: string) => values.get(key)?.at ?? section.at;
  const signature = get('signature');
  const driverVerEntry = values.get('driverver');
  const lockdown = get('pnplockdown');

  if (signature === null) warnings.push({ at: section.at, message: '[Version] has no Signature' });
  else if (!SIGNATURES.has(signature.toLowerCase())) {
    warnings.push({ at: atOf('signature'), message: `unknown Signature ${signature}` });
  }
  if (!driverVerEntry) warnings.push({ at: section.at, message: '[Version] has no DriverVer' });
  if (lockdown !== null && lockdown !== '0' && lockdown !== '1') {
    warnings.push({
      at: atOf('pnplockdown'),
      message: `PnpLockdown "${lockdown}" is not 0 or 1`,
    });
  }

  return {
    present: true,
    signature,
    class: get('class'),
    classGuid: checkedGuid(get('classguid'), 'ClassGuid', atOf('classguid'), warnings),
    provider: get('provider'),
    driverVer: driverVerEntry
      ? parseDriverVer(driverVerEntry.fields, driverVerEntry.at, warnings)
      : ABSENT.driverVer,
    extensionId: checkedGuid(get('extensionid'), 'ExtensionId', atOf('extensionid'), warnings),
    pnpLockdown: lockdown === '1' ? true : lockdown === '0' ? false : null,
    driverPackageType: get('driverpackagetype'),
    catalogFiles,
    advancedInf: values.has('advancedinf'),
  };
}
