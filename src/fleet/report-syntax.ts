// The lexical forms of the values a device report carries, shared by validation, the file
// importers and the fleet generator.

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const bracedGuidPattern = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
// Windows forbids characters at or below 0x20, above 0x7F and the comma in device IDs.
const pnpCharacters = /^[\x21-\x2b\x2d-\x7e]+$/;
const segmentStart = /^[A-Za-z0-9*{_]/;
const driverVersionPattern = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;
const osVersionPattern = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:\.(\d{1,10}))?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?Z$/;
const rankPattern = /^0x[0-9a-f]{8}$/i;
const infNamePattern = /^[^\\/:*?"<>|]+\.inf$/i;

export const architectures = ['x86', 'amd64', 'arm', 'arm64'] as const;

export function isGuid(value: string): boolean {
  return guidPattern.test(value);
}

export function isBracedGuid(value: string): boolean {
  return bracedGuidPattern.test(value);
}

/**
 * A hardware, compatible or instance ID: backslash-separated segments of printable ASCII without
 * spaces or commas, none empty, the first starting like an enumerator (`PCI`, `USB`, `{guid}`) or
 * like a bare ID (`*PNP0A08`, `HID_DEVICE_SYSTEM_MOUSE`).
 */
export function isPnpId(value: string, minimumSegments = 1): boolean {
  if (!pnpCharacters.test(value) || !segmentStart.test(value)) return false;

  const segments = value.split('\\');

  return segments.length >= minimumSegments && segments.every((segment) => segment.length > 0);
}

/** Exactly four dot-separated decimal parts of 0-65535, as Windows stores a driver version. */
export function isDriverVersion(value: string): boolean {
  const match = driverVersionPattern.exec(value);

  return match !== null && match.slice(1).every((part) => Number(part) <= 0xffff);
}

/** `major.minor.build[.revision]`; the first three 16-bit, the revision 32-bit. */
export function isOsVersion(value: string): boolean {
  const match = osVersionPattern.exec(value);
  if (match === null) return false;

  const [, major, minor, build, revision] = match;

  return (
    [major, minor, build].every((part) => Number(part) <= 0xffff) &&
    (revision === undefined || Number(revision) <= 0xffffffff)
  );
}

/** A real calendar date `YYYY-MM-DD` from 1601 (the start of Windows file times) to 9999. */
export function isCalendarDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (match === null) return false;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);

  return year >= 1601 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO 8601 in UTC with a `Z`, seconds required, up to seven fractional digits. */
export function isUtcDateTime(value: string): boolean {
  const match = dateTimePattern.exec(value);
  if (match === null) return false;

  const [, date, hours, minutes, seconds] = match;

  return (
    isCalendarDate(date ?? '') &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    Number(seconds) <= 59
  );
}

export function isRank(value: string): boolean {
  return rankPattern.test(value);
}

/** A bare INF file name such as `oem12.inf`: no path, no characters Windows forbids in names. */
export function isInfName(value: string): boolean {
  return infNamePattern.test(value) && isPlainText(value);
}

/** Text without C0 or C1 control characters (tabs and line breaks included). */
export function isPlainText(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  }

  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

    return leap ? 29 : 28;
  }

  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
