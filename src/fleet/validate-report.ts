// Strict validation of a device report as it arrives (parsed JSON of unknown shape). Unknown
// properties, wrong types, out-of-range sizes and malformed values are refused, each error
// naming its JSON path, so a device's agent can be fixed from the reply alone.
import {
  MAX_COMPATIBLE_IDS,
  MAX_COMPUTER_HARDWARE_IDS,
  MAX_DEVICE_NODES,
  MAX_EXTENSION_DRIVERS,
  MAX_HARDWARE_IDS,
  MAX_ID_LENGTH,
  MAX_INSTANCE_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_REPORTED_ERRORS,
} from './report-limits.js';
import {
  architectures,
  isBracedGuid,
  isCalendarDate,
  isDriverVersion,
  isGuid,
  isInfName,
  isOsVersion,
  isPlainText,
  isPnpId,
  isRank,
  isUtcDateTime,
} from './report-syntax.js';
import type { DeviceReport } from './report-types.js';

export interface ReportError {
  readonly path: string;
  readonly message: string;
}

export type ReportValidation =
  | { readonly ok: true; readonly report: DeviceReport }
  | { readonly ok: false; readonly errors: readonly ReportError[] };

type Json = Record<string, unknown>;

class Errors {
  readonly list: ReportError[] = [];

  add(path: string, message: string): void {
    if (this.list.length < MAX_REPORTED_ERRORS) this.list.push({ path, message });
  }

  get full(): boolean {
    return this.list.length >= MAX_REPORTED_ERRORS;
  }
}

const reportKeys = [
  'deviceId',
  'deviceName',
  'reportedDateTime',
  'os',
  'computerHardwareIds',
  'devices',
];
const osKeys = ['version', 'architecture'];
const nodeKeys = [
  'instanceId',
  'hardwareIds',
  'compatibleIds',
  'installedDriver',
  'extensionDrivers',
];
const driverKeys = ['infName', 'provider', 'class', 'version', 'date', 'matchingId', 'rank'];
const extensionKeys = ['extensionId', 'infName', 'version', 'date'];

export function validateReport(input: unknown): ReportValidation {
  const errors = new Errors();

  if (shape(input, '$', reportKeys, errors)) {
    checkString(input, 'deviceId', '$', errors, (value) =>
      isGuid(value) ? null : 'must be a GUID such as 7f9c2a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b',
    );
    checkString(input, 'deviceName', '$', errors, nameRule);
    checkString(input, 'reportedDateTime', '$', errors, (value) =>
      isUtcDateTime(value) ? null : 'must be an ISO 8601 UTC date-time ending in Z',
    );
    checkOs(input['os'], errors);
    checkChids(input['computerHardwareIds'], errors);
    checkNodes(input['devices'], errors);
  }

  if (errors.list.length > 0) return { ok: false, errors: errors.list };

  const report = input as unknown as DeviceReport;

  return { ok: true, report: { ...report, deviceId: report.deviceId.toLowerCase() } };
}

function checkOs(value: unknown, errors: Errors): void {
  if (!shape(value, '$.os', osKeys, errors)) return;

  checkString(value, 'version', '$.os', errors, (version) =>
    isOsVersion(version) ? null : 'must be major.minor.build[.revision], e.g. 10.0.22631.4602',
  );
  checkString(value, 'architecture', '$.os', errors, (architecture) =>
    (architectures as readonly string[]).includes(architecture)
      ? null
      : `must be one of ${architectures.join(', ')}`,
  );
}

function checkChids(value: unknown, errors: Errors): void {
  const path = '$.computerHardwareIds';
  if (!checkArray(value, path, MAX_COMPUTER_HARDWARE_IDS, errors)) return;

  const seen = new Set<string>();

  value.forEach((chid, index) => {
    const itemPath = `${path}[${index}]`;
    if (typeof chid !== 'string' || !isBracedGuid(chid)) {
      errors.add(itemPath, 'must be a GUID in braces, e.g. {3f6e1a2b-...}');
    } else if (seen.has(chid.toUpperCase())) {
      errors.add(itemPath, 'repeats an earlier computer hardware ID');
    } else {
      seen.add(chid.toUpperCase());
    }
  });
}

function checkNodes(value: unknown, errors: Errors): void {
  if (!checkArray(value, '$.devices', MAX_DEVICE_NODES, errors)) return;

  const seen = new Set<string>();

  for (let index = 0; index < value.length && !errors.full; index++) {
    const path = `$.devices[${index}]`;
    const node = value[index];
    if (!shape(node, path, nodeKeys, errors)) continue;

    checkString(node, 'instanceId', path, errors, (instanceId) => {
      if (instanceId.length > MAX_INSTANCE_ID_LENGTH) {
        return `must be at most ${MAX_INSTANCE_ID_LENGTH} characters`;
      }
      if (!isPnpId(instanceId, 2)) return 'must be a device instance ID such as PCI\\...\\...';
      if (seen.has(instanceId.toUpperCase())) return 'repeats the instance ID of an earlier device';
      seen.add(instanceId.toUpperCase());

      return null;
    });
    checkIdList(node['hardwareIds'], `${path}.hardwareIds`, MAX_HARDWARE_IDS, errors);
    checkIdList(node['compatibleIds'], `${path}.compatibleIds`, MAX_COMPATIBLE_IDS, errors);
    checkInstalledDriver(node['installedDriver'], `${path}.installedDriver`, errors);
    checkExtensions(node['extensionDrivers'], `${path}.extensionDrivers`, errors);
  }
}

function checkIdList(value: unknown, path: string, limit: number, errors: Errors): void {
  if (!checkArray(value, path, limit, errors)) return;

  value.forEach((id, index) => {
    const message = typeof id === 'string' ? idRule(id) : 'must be a string';
    if (message !== null) errors.add(`${path}[${index}]`, message);
  });
}

function checkInstalledDriver(value: unknown, path: string, errors: Errors): void {
  if (value === null || !shape(value, path, driverKeys, errors)) return;

  checkString(value, 'infName', path, errors, infNameRule);
  checkNullableString(value, 'provider', path, errors, nameRule);
  checkNullableString(value, 'class', path, errors, nameRule);
  checkString(value, 'version', path, errors, versionRule);
  checkString(value, 'date', path, errors, dateRule);
  checkNullableString(value, 'matchingId', path, errors, idRule);
  checkNullableString(value, 'rank', path, errors, (rank) =>
    isRank(rank) ? null : 'must be 0x followed by eight hex digits, e.g. 0x00FF2001',
  );
}

function checkExtensions(value: unknown, path: string, errors: Errors): void {
  if (!checkArray(value, path, MAX_EXTENSION_DRIVERS, errors)) return;

  value.forEach((extension, index) => {
    const itemPath = `${path}[${index}]`;
    if (!shape(extension, itemPath, extensionKeys, errors)) return;

    checkString(extension, 'extensionId', itemPath, errors, (id) =>
      isBracedGuid(id) ? null : 'must be a GUID in braces',
    );
    checkString(extension, 'infName', itemPath, errors, infNameRule);
    checkString(extension, 'version', itemPath, errors, versionRule);
    checkString(extension, 'date', itemPath, errors, dateRule);
  });
}

function nameRule(value: string): string | null {
  if (value.length === 0 || value.length > MAX_NAME_LENGTH) {
    return `must be 1 to ${MAX_NAME_LENGTH} characters`;
  }

  return isPlainText(value) ? null : 'must not contain control characters';
}

function idRule(value: string): string | null {
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`;

  return isPnpId(value)
    ? null
    : 'must be a PnP ID such as PCI\\VEN_8086&DEV_15F3 (printable ASCII, no spaces or commas)';
}

function infNameRule(value: string): string | null {
  if (value.length > MAX_NAME_LENGTH) return `must be at most ${MAX_NAME_LENGTH} characters`;

  return isInfName(value) ? null : 'must be an INF file name such as oem12.inf';
}

function versionRule(value: string): string | null {
  return isDriverVersion(value) ? null : 'must be four parts a.b.c.d, each 0 to 65535';
}

function dateRule(value: string): string | null {
  return isCalendarDate(value) ? null : 'must be a calendar date YYYY-MM-DD (year 1601 or later)';
}

/** Checks that `value` is a plain object with exactly `keys`; reports what is missing or extra. */
function shape(
  value: unknown,
  path: string,
  keys: readonly string[],
  errors: Errors,
): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.add(path, 'must be an object');

    return false;
  }

  for (const key of keys) {
    if (!Object.hasOwn(value, key)) errors.add(`${path}.${key}`, 'is required');
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) errors.add(`${path}.${key}`, 'is not a known property');
  }

  return true;
}

function checkArray(
  value: unknown,
  path: string,
  limit: number,
  errors: Errors,
): value is unknown[] {
  if (value === undefined) return false;
  if (!Array.isArray(value)) {
    errors.add(path, 'must be an array');

    return false;
  }
  if (value.length > limit) {
    errors.add(path, `must hold at most ${limit} items`);

    return false;
  }

  return true;
}

function checkString(
  object: Json,
  key: string,
  path: string,
  errors: Errors,
  rule: (value: string) => string | null,
): void {
  const value = object[key];
  if (value === undefined) return;

  const message = typeof value === 'string' ? rule(value) : 'must be a string';
  if (message !== null) errors.add(`${path}.${key}`, message);
}

function checkNullableString(
  object: Json,
  key: string,
  path: string,
  errors: Errors,
  rule: (value: string) => string | null,
): void {
  if (object[key] !== null) checkString(object, key, path, errors, rule);
}
