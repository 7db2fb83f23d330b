import type { DriverVer, InfCatalogFile, InfWarning } from './types.js';
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

function checkedGuid(value: string | null, what: string, line: number, warnings: InfWarning[]) {
  if (value !== null && !GUID.test(value)) {
    warnings.push({ line, message: `${what} "${value}" is not a {GUID}` });
  }

  return value;
}

/** Reads the [Version] directives that identify the package and its class. */
export function readVersion(
  index: SectionIndex,
  substitute: Substitute,
  warnings: InfWarning[],
): VersionSection {
  const section = index.byName.get('version');

  if (!section) return ABSENT;

  const values = new Map<string, { value: string | null; fields: string[]; line: number }>();
  const catalogFiles: InfCatalogFile[] = [];

  for (const entry of readEntries(index.text, section, { splitFields: true }, warnings)) {
    const key = entry.key?.toLowerCase();
    const fields = entry.fields.map((field) => substitute(field, entry.line));
    const value = fields.join(', ').trim();

    if (key === undefined) continue;

    if (key === CATALOG_FILE || key.startsWith(`${CATALOG_FILE}.`)) {
      const platform = key === CATALOG_FILE ? null : key.slice(CATALOG_FILE.length + 1);

      if (value === '') warnings.push({ line: entry.line, message: 'CatalogFile names no file' });
      else catalogFiles.push({ platform, file: value });
    } else if (!values.has(key)) {
      values.set(key, { value: value === '' ? null : value, fields, line: entry.line });
    }
  }

  const get = (key: string) => values.get(key)?.value ?? null;
  const lineOf = (key: string) => values.get(key)?.line ?? section.line;
  const signature = get('signature');
  const driverVerEntry = values.get('driverver');
  const lockdown = get('pnplockdown');

  if (signature === null)
    warnings.push({ line: section.line, message: '[Version] has no Signature' });
  else if (!SIGNATURES.has(signature.toLowerCase())) {
    warnings.push({ line: lineOf('signature'), message: `unknown Signature ${signature}` });
  }
  if (!driverVerEntry) warnings.push({ line: section.line, message: '[Version] has no DriverVer' });
  if (lockdown !== null && lockdown !== '0' && lockdown !== '1') {
    warnings.push({
      line: lineOf('pnplockdown'),
      message: `PnpLockdown "${lockdown}" is not 0 or 1`,
    });
  }

  return {
    present: true,
    signature,
    class: get('class'),
    classGuid: checkedGuid(get('classguid'), 'ClassGuid', lineOf('classguid'), warnings),
    provider: get('provider'),
    driverVer: driverVerEntry
      ? parseDriverVer(driverVerEntry.fields, driverVerEntry.line, warnings)
      : ABSENT.driverVer,
    extensionId: checkedGuid(get('extensionid'), 'ExtensionId', lineOf('extensionid'), warnings),
    pnpLockdown: lockdown === '1' ? true : lockdown === '0' ? false : null,
    driverPackageType: get('driverpackagetype'),
    catalogFiles,
    advancedInf: values.has('advancedinf'),
  };
}
