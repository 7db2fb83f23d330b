import type { DriverVer, InfCatalogFile } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import { parseEntry } from './read-entries.js';
import { visitLines } from './visit-lines.js';
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
const CATALOG_FILE_DOT = `${CATALOG_FILE}.`;
const SPLIT = { splitFields: true } as const;

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

interface VersionValue {
  readonly value: string | null;
  readonly fields: readonly string[];
  readonly at: number;
}

function checkedGuid(value: string | null, what: string, at: number, warnings: PendingWarning[]) {
  if (value !== null && !GUID.test(value)) {
    warnings.push({ at, message: `${what} "${value}" is not a {GUID}` });
  }

  return value;
}

function valueOf(values: ReadonlyMap<string, VersionValue>, key: string): string | null {
  return values.get(key)?.value ?? null;
}

function joinFields(fields: readonly string[]): string {
  return fields.length === 1 ? (fields[0] as string).trim() : fields.join(', ').trim();
}

/** Reads the [Version] directives that identify the package and its class. */
export function readVersion(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
): VersionSection {
  const section = index.get('version');

  if (!section) return ABSENT;

  const values = new Map<string, VersionValue>();
  const catalogFiles: InfCatalogFile[] = [];

  visitLines(index.text, section, (content, at) => {
    const entry = parseEntry(content, at, SPLIT, warnings);
    const fields = entry.fields as string[];

    for (let i = 0; i < fields.length; i++) fields[i] = substitute(fields[i] as string, at);

    const value = joinFields(fields);

    if (entry.key === null) return;

    const key = entry.key.toLowerCase();

    if (key === CATALOG_FILE || key.startsWith(CATALOG_FILE_DOT)) {
      const platform = key === CATALOG_FILE ? null : key.slice(CATALOG_FILE_DOT.length);

      if (value === '') warnings.push({ at, message: 'CatalogFile names no file' });
      else catalogFiles.push({ platform, file: value });
    } else if (!values.has(key)) {
      values.set(key, { value: value === '' ? null : value, fields, at });
    }
  });

  const signature = valueOf(values, 'signature');
  const driverVerEntry = values.get('driverver');
  const lockdown = valueOf(values, 'pnplockdown');
  const classGuid = values.get('classguid');
  const extensionId = values.get('extensionid');

  if (signature === null) warnings.push({ at: section.at, message: '[Version] has no Signature' });
  else if (!SIGNATURES.has(signature.toLowerCase())) {
    const at = values.get('signature')?.at ?? section.at;

    warnings.push({ at, message: `unknown Signature ${signature}` });
  }
  if (!driverVerEntry) warnings.push({ at: section.at, message: '[Version] has no DriverVer' });
  if (lockdown !== null && lockdown !== '0' && lockdown !== '1') {
    warnings.push({
      at: values.get('pnplockdown')?.at ?? section.at,
      message: `PnpLockdown "${lockdown}" is not 0 or 1`,
    });
  }

  return {
    present: true,
    signature,
    class: valueOf(values, 'class'),
    classGuid: checkedGuid(
      classGuid?.value ?? null,
      'ClassGuid',
      classGuid?.at ?? section.at,
      warnings,
    ),
    provider: valueOf(values, 'provider'),
    driverVer: driverVerEntry
      ? parseDriverVer(driverVerEntry.fields, driverVerEntry.at, warnings)
      : ABSENT.driverVer,
    extensionId: checkedGuid(
      extensionId?.value ?? null,
      'ExtensionId',
      extensionId?.at ?? section.at,
      warnings,
    ),
    pnpLockdown: lockdown === '1' ? true : lockdown === '0' ? false : null,
    driverPackageType: valueOf(values, 'driverpackagetype'),
    catalogFiles,
    advancedInf: values.has('advancedinf'),
  };
}
