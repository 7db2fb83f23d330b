import type { DriverVer } from './types.js';
import type { PendingWarning } from './pending-warning.js';

const NONE: DriverVer = { date: null, version: null };
const MAX_DIGITS = 5;
const ZERO = 48;
const NINE = 57;
const TEMPLATE = /([$#@])[A-Za-z_][A-Za-z0-9_]*\1/;
const MAX_PART = 0xffff;
const SLASH = 47;
const HYPHEN = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// One to five ASCII digits, as the date and version parts are written.
function isShortNumber(part: string): boolean {
  if (part.length === 0 || part.length > MAX_DIGITS) return false;

  for (let i = 0; i < part.length; i++) {
    const code = part.charCodeAt(i);

    if (code < ZERO || code > NINE) return false;
  }

  return true;
}

// The proleptic Gregorian calendar, as JavaScript's Date counts it.
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function dateParts(text: string): string[] {
  const parts: string[] = [];
  let from = 0;

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);

    if (code === SLASH || code === HYPHEN) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));

  return parts;
}

/** `mm/dd/yyyy` (zero padding optional, `-` tolerated) as `YYYY-MM-DD`, or null. */
export function parseDriverDate(text: string): string | null {
  const parts = dateParts(text);

  if (parts.length !== 3 || !parts.every(isShortNumber)) return null;

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

  if (parts.length > 4 || !parts.every(isShortNumber)) return null;

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

  if (dateText === '' && versionText === '') {
    warnings.push({ at, message: 'DriverVer is empty (stampinf fills it at build time)' });

    return NONE;
  }

  const date = parseDriverDate(dateText);
  const version = versionText === '' ? null : parseDriverVersion(versionText);

  if (TEMPLATE.test(dateText) || TEMPLATE.test(versionText)) {
    warnings.push({ at, message: `DriverVer holds an unfilled template: ${fields.join(', ')}` });

    return { date, version: version?.version ?? null };
  }

  const problems: string[] = [];

  if (date === null) problems.push(`DriverVer date "${dateText}" is not a valid mm/dd/yyyy date`);
  if (versionText === '') problems.push('DriverVer gives no version');
  else if (version === null) {
    problems.push(`DriverVer version "${versionText}" is not four 16-bit numbers`);
  } else if (version.padded) {
    problems.push(`DriverVer version "${versionText}" read as ${version.version}`);
  }
  if (fields.length > 2) problems.push('DriverVer has more than two fields; the rest is ignored');
  for (const message of problems) warnings.push({ at, message });

  return { date, version: version?.version ?? null };
}
