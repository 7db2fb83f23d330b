// Turns a filter literal into the value stored for a property of a given type, or explains why
// the two do not fit. Storage formats: ISO 8601 UTC with milliseconds, booleans 1/0, enums as
// their member names, GUIDs lower-case.
import type { PropertySpec } from './entity-spec.js';
import type { LiteralNode, StoredValue } from './filter-ast.js';
import { filterError } from './option-error.js';

const int32 = { min: -2147483648, max: 2147483647 };
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})$/i;

function describeLiteral(literal: LiteralNode): string {
  if (literal.type === 'enum') return `microsoft.graph.${literal.enumType}'${literal.text}'`;

  return literal.type === 'string' ? `'${literal.text}'` : literal.text;
}

function mismatch(property: PropertySpec, literal: LiteralNode, expected: string): never {
  throw filterError(
    `'${property.name}' is ${expected}; ${describeLiteral(literal)} does not fit`,
    literal.position,
  );
}

/**
 * Normalises an ISO 8601 date-time with an offset to UTC with milliseconds; null when the text is
 * not a real instant. Digits below the millisecond are dropped because storage keeps none.
 */
export function normaliseDateTime(text: string): string | null {
  const match = dateTimePattern.exec(text);
  if (!match) return null;

  const [, year, month, day, hour, minute, second = '00', fraction = '', offset] = match;
  const millis = (fraction + '000').slice(0, 3);
  const utc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!, +millis);
  const check = new Date(utc);
  const fieldsValid =
    check.getUTCFullYear() === +year! &&
    check.getUTCMonth() === +month! - 1 &&
    check.getUTCDate() === +day! &&
    +hour! < 24 &&
    +minute! < 60 &&
    +second! < 60;
  if (!fieldsValid) return null;

  const shift = offset!.toUpperCase() === 'Z' ? 0 : offsetMinutes(offset!);
  if (shift === null) return null;

  const instant = new Date(utc - shift * 60_000);

  return instant.getUTCFullYear() > 9999 || instant.getUTCFullYear() < 1
    ? null
    : instant.toISOString();
}

function offsetMinutes(offset: string): number | null {
  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));

  return hours > 14 || minutes > 59 ? null : sign * (hours * 60 + minutes);
}

function enumMember(property: PropertySpec, literal: LiteralNode): string {
  const members = property.enumValues ?? [];
  const found =
    members.find((member) => member === literal.text) ??
    members.find((member) => member.toLowerCase() === literal.text.toLowerCase());
  if (found === undefined) {
    throw filterError(
      `'${literal.text}' is not a member of '${property.name}' (${members.join(', ')})`,
      literal.position,
    );
  }

  return found;
}

/** The stored form of a non-null literal compared with the property, or a 400. */
export function literalValue(property: PropertySpec, literal: LiteralNode): StoredValue {
  switch (property.type) {
    case 'string':
      if (literal.type !== 'string') mismatch(property, literal, 'a string');

      return literal.text;
    case 'int': {
      if (literal.type !== 'integer') mismatch(property, literal, 'an integer');
      const value = Number(literal.text);
      if (value < int32.min || value > int32.max) mismatch(property, literal, 'a 32-bit integer');

      return value;
    }
    case 'boolean':
      if (literal.type !== 'boolean') mismatch(property, literal, 'a boolean');

      return literal.text === 'true' ? 1 : 0;
    case 'dateTimeOffset': {
      const ok = literal.type === 'dateTime' || literal.type === 'string';
      const value = ok ? normaliseDateTime(literal.text) : null;
      if (value === null)
        mismatch(property, literal, 'a DateTimeOffset such as 2026-01-01T00:00:00Z');

      return value;
    }
    case 'enum':
      if (literal.type !== 'string' && literal.type !== 'enum') {
        mismatch(property, literal, 'an enum member, as a string or a qualified literal');
      }
      if (literal.type === 'enum' && property.enumType && literal.enumType !== property.enumType) {
        mismatch(property, literal, `a member of microsoft.graph.${property.enumType}`);
      }

      return enumMember(property, literal);
    case 'guid': {
      const ok = literal.type === 'guid' || literal.type === 'string';
      if (!ok || !guidPattern.test(literal.text)) mismatch(property, literal, 'a GUID');

      return literal.text.toLowerCase();
    }
    default:
      throw filterError(`'${property.name}' cannot be compared with a literal`, literal.position);
  }
}
