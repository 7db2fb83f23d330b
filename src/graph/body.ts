// Readers for JSON request bodies. Each refuses what Graph would refuse, with a message that
// names the property, so no handler ever sees an unchecked value.
import { graphError } from './errors.js';

export type JsonObject = Readonly<Record<string, unknown>>;

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isGuid(value: string): boolean {
  return guidPattern.test(value);
}

export function requireObject(body: unknown): JsonObject {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw graphError('bodyNotObject', {});
  }

  return body as JsonObject;
}

export interface PropertyRules {
  /** The entity or complex type, as named in errors (`windowsDriverUpdateProfile`). */
  readonly typeName: string;
  readonly writable: readonly string[];
  readonly readOnly?: readonly string[];
}

// Control information a client copies when it sends back what it read. OData lets a request
// carry a context URL; neither it nor an etag changes what is written, so both pass unread.
const ignoredControl: ReadonlySet<string> = new Set(['@odata.context', '@odata.etag']);

/**
 * Refuses unknown and read-only properties, and an `@odata.type` that names another type.
 * `@odata.type` may come with or without its leading `#`.
 */
export function checkProperties(body: JsonObject, rules: PropertyRules): void {
  for (const name of Object.keys(body)) {
    if (ignoredControl.has(name)) continue;
    if (name === '@odata.type') {
      checkODataType(body[name], rules.typeName);
      continue;
    }
    if (rules.writable.includes(name)) continue;
    if (rules.readOnly?.includes(name)) {
      throw graphError('readOnlyProperty', { property: name, type: rules.typeName });
    }
    throw graphError('unknownProperty', { property: truncate(name), type: rules.typeName });
  }
}

export function checkODataType(value: unknown, typeName: string): void {
  const expected = `microsoft.graph.${typeName}`;
  if (typeof value !== 'string' || value.replace(/^#/, '') !== expected) {
    throw graphError('invalidPropertyValue', {
      property: '@odata.type',
      reason: `must be '#${expected}'`,
    });
  }
}

interface StringRules {
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly minLength?: number;
  readonly maxLength: number;
}

export function readString(body: JsonObject, name: string, rules: StringRules): string | null {
  const value = body[name];
  if (value === undefined) return missing(name, rules.required);
  if (value === null) return nullValue(name, rules.nullable);
  if (typeof value !== 'string') throw invalid(name, 'must be a string');
  if (value.length < (rules.minLength ?? 0)) {
    throw invalid(name, `must have at least ${rules.minLength} characters`);
  }
  if (value.length > rules.maxLength) {
    throw invalid(name, `must have at most ${rules.maxLength} characters`);
  }

  return value;
}

interface IntRules {
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly min: number;
  readonly max: number;
}

export function readInt(body: JsonObject, name: string, rules: IntRules): number | null {
  const value = body[name];
  if (value === undefined) return missing(name, rules.required);
  if (value === null) return nullValue(name, rules.nullable);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(name, 'must be an integer');
  }
  if (value < rules.min || value > rules.max) {
    throw invalid(name, `must be between ${rules.min} and ${rules.max}`);
  }

  return value;
}

export function readEnum<T extends string>(
  body: JsonObject,
  name: string,
  members: readonly T[],
  rules: { readonly required?: boolean } = {},
): T | null {
  const value = body[name];
  if (value === undefined) return missing(name, rules.required);
  if (typeof value !== 'string' || !members.includes(value as T)) {
    throw invalid(name, `must be one of ${members.map((m) => `'${m}'`).join(', ')}`);
  }

  return value as T;
}

/** A DateTimeOffset, returned in the storage form (UTC with milliseconds). */
export function readDateTime(
  body: JsonObject,
  name: string,
  rules: { readonly required?: boolean; readonly nullable?: boolean } = {},
): string | null {
  const value = body[name];
  if (value === undefined) return missing(name, rules.required);
  if (value === null) return nullValue(name, rules.nullable);
  if (typeof value !== 'string' || !dateTimePattern.test(value)) {
    throw invalid(name, 'must be an ISO 8601 date-time with a time zone');
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid(name, 'is not a real date-time');

  return new Date(time).toISOString();
}

export function readStringArray(
  body: JsonObject,
  name: string,
  rules: { readonly maxItems: number; readonly pattern: RegExp; readonly itemRule: string },
): string[] | null {
  const value = body[name];
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw invalid(name, 'must be an array of strings');
  if (value.length > rules.maxItems) {
    throw invalid(name, `must have at most ${rules.maxItems} items`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || !rules.pattern.test(item)) {
      throw invalid(name, `items must be ${rules.itemRule}`);
    }
  }

  return value as string[];
}

/** A required list of object ids (GUIDs), at most `maxItems` of them, lower-cased. */
export function readIdList(body: JsonObject, name: string, maxItems: number): string[] {
  const ids = readStringArray(body, name, {
    maxItems,
    pattern: guidPattern,
    itemRule: 'object ids (GUIDs)',
  });
  if (ids === null) throw graphError('missingProperty', { property: name });

  return ids.map((id) => id.toLowerCase());
}

function missing(name: string, required: boolean | undefined): null {
  if (required) throw graphError('missingProperty', { property: name });

  return null;
}

function nullValue(name: string, nullable: boolean | undefined): null {
  if (!nullable) throw invalid(name, 'must not be null');

  return null;
}

function invalid(name: string, reason: string) {
  return graphError('invalidPropertyValue', { property: name, reason });
}

function truncate(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}...` : name;
}
