import type { DriverVer } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import { holdsTemplate } from './find-templates.js';

const NONE: DriverVer = { date: null, version: null };
const MAX_DIGITS = 5;
const ZERO = 48;
const NINE = 57;
const MAX_PART = 0xffff;
const SLASH = 47;
const HYPHEN = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The value of one to five ASCII digits in `[from, to)`, as date and version parts are
// written, or -1 when the part is anything else.
function shortNumber(text: string, from: number, to: number): number {
  if (to <= from || to - from > MAX_DIGITS) return -1;

  let value = 0;

  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);

    if (code < ZERO || code > NINE) return -1;
    value = value * 10 + (code - ZERO);
  }

  return value;
}

function separatorFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);

    if (code === SLASH || code === HYPHEN) return i;
  }

  return -1;
}

// The proleptic Gregorian calendar, as JavaScript's Date counts it.
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `mm/dd/yyyy` (zero padding optional, `-` tolerated) as `YYYY-MM-DD`, or null. */
export function parseDriverDate(text: string): string | null {
  const first = separatorFrom(text, 0);
  const second = first < 0 ? -1 : separatorFrom(text, first + 1);

  if (second < 0 || separatorFrom(text, second + 1) >= 0) return null;

  const month = shortNumber(text, 0, first);
  const day = shortNumber(text, first + 1, second);
  const year = text.length - second - 1 === 4 ? shortNumber(text, second + 1, text.length) : -1;

  if (year < 1900 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysIn(year, month)) return null;

  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/**
 * `a[.b[.c[.d]]]` as four 16-bit decimal parts. Windows reads missing parts as zero, so short
 * forms are padded; `padded` tells the caller to warn about them.
 */
export function parseDriverVersion(text: string): { version: string; padded: boolean } | null {
  const numbers: number[] = [];

  for (let from = 0; ;) {
    const dot = text.indexOf('.', from);
    const part = shortNumber(text, from, dot < 0 ? text.length : dot);

    if (part < 0 || part > MAX_PART || numbers.length === 4) return null;

    numbers.push(part);

    if (dot < 0) break;

    from = dot + 1;
  }

  const padded = numbers.length < 4;

  while (numbers.length < 4) numbers.push(0);

  return { version: numbers.join('.'), padded };
}

/** The value of a DriverVer directive: `date[, version]`, each part checked on its own. */
export function parseDriverVer(
  fields: readonly string[],
  at: number,
  warnings: PendingWarning[],
): DriverVer {
  const dateText = fields[0] ?? '';
  const versionText = fields[1] ?? '';

  if (dateText === '' && versionText === '') {
    warnings.push({ at, message: 'DriverVer is empty (stampinf fills it at build time)' });

    return NONE;
  }

  const date = parseDriverDate(dateText);
  const version = versionText === '' ? null : parseDriverVersion(versionText);

  if (holdsTemplate(dateText) || holdsTemplate(versionText)) {
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
