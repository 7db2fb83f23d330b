import type { DriverVer } from './types.js';
import type { PendingWarning } from './pending-warning.js';

const NONE: DriverVer = { date: null, version: null };
const DIGITS = /^\d{1,5}$/;
const TEMPLATE = /([$#@])[A-Za-z_][A-Za-z0-9_]*\1/;
const MAX_PART = 0xffff;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `mm/dd/yyyy` (zero padding optional, `-` tolerated) as `YYYY-MM-DD`, or null. */
export function parseDriverDate(text: string): string | null {
  const parts = text.split(/[/-]/);

  if (parts.length !== 3 || !parts.every((part) => DIGITS.test(part))) return null;

  const [month, day, year] = parts.map(Number) as [number, number, number];
  const [, , yearText] = parts as [string, string, string];

  if (yearText.length !== 4 || year < 1900 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysIn(year, month)) return null;

  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `a[.b[.c[.d]]]` as four 16-bit decimal parts. Windows reads missing parts as zero, so short
 * forms are padded; `padded` tells the caller to warn about them.
 */
export function parseDriverVersion(text: string): { version: string; padded: boolean } | null {
  const parts = text.split('.');

  if (parts.length > 4 || !parts.every((part) => DIGITS.test(part))) return null;

  const numbers = parts.map(Number);

  if (numbers.some((part) => part > MAX_PART)) return null;

  while (numbers.length < 4) numbers.push(0);

  return { version: numbers.join('.'), padded: parts.length < 4 };
}

/** The value of a DriverVer directive: `date[, version]`, each part checked on its own. */
export function parseDriverVer(
  fields: readonly string[],
  at: number,
  warnings: PendingWarning[],
): DriverVer {
  const [dateText = '', versionText = ''] = fields;
  const warn = (message: string) => warnings.push({ at, message });

  if (dateText === '' && versionText === '') {
    warn('DriverVer is empty (stampinf fills it at build time)');

    return NONE;
  }

  const date = parseDriverDate(dateText);
  const version = versionText === '' ? null : parseDriverVersion(versionText);

  if (TEMPLATE.test(dateText) || TEMPLATE.test(versionText)) {
    warn(`DriverVer holds an unfilled template: ${fields.join(', ')}`);

    return { date, version: version?.version ?? null };
  }

  if (date === null) warn(`DriverVer date "${dateText}" is not a valid mm/dd/yyyy date`);
  if (versionText === '') warn('DriverVer gives no version');
  else if (version === null) warn(`DriverVer version "${versionText}" is not four 16-bit numbers`);
  else if (version.padded) warn(`DriverVer version "${versionText}" read as ${version.version}`);
  if (fields.length > 2) warn('DriverVer has more than two fields; the rest is ignored');

  return { date, version: version?.version ?? null };
}
