import type { PendingWarning } from './pending-warning.js';
import type { InfSection } from './index-sections.js';
import { visitLines } from './visit-lines.js';

/** One logical line of a section: `key = field, field` or a bare field list. */
export interface InfEntry {
  readonly kind: 'entry';
  /** Offset of the physical line where the logical line starts. */
  readonly at: number;
  /** Unquoted text before the first `=` outside quotes, or null when there is none. */
  readonly key: string | null;
  /** Unquoted, trimmed fields; one field holding the whole value when commas are not split. */
  readonly fields: readonly string[];
}

export interface EntryOptions {
  /** [Strings] values keep their commas: a string is one value, not a field list. */
  readonly splitFields: boolean;
}

const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

interface EntryParts {
  key: string | null;
  fields: string[];
  field: string;
  /** Length of `field` that ends in quoted text, whose spaces are kept. */
  quotedLength: number;
}

function finishField(parts: EntryParts, rest: string): string {
  const field = parts.field + rest;
  const kept = field.slice(0, parts.quotedLength);
  const value =
    parts.quotedLength === 0 ? field.trim() : kept + field.slice(parts.quotedLength).trimEnd();

  parts.field = '';
  parts.quotedLength = 0;

  return value;
}

// Unquoted text: `=` ends the key (only before the first field separator) and `,` ends a
// field. Whitespace is trimmed where fields end, never inside quotes.
function addUnquoted(parts: EntryParts, text: string, splitFields: boolean): void {
  let from = 0;

  for (let i = 0; i < text.length; i++) {
    const char = text[i];

    if (char === '=' && parts.key === null && parts.fields.length === 0) {
      parts.key = finishField(parts, text.slice(from, i));
      from = i + 1;
    } else if (char === ',' && splitFields) {
      parts.fields.push(finishField(parts, text.slice(from, i)));
      from = i + 1;
    }
  }

  parts.field += text.slice(from);
}

// Splitting on `"` alternates unquoted and quoted runs; an empty unquoted run between two
// quoted ones is the `""` escape, which stands for one literal quote.
function parseQuoted(
  content: string,
  splitFields: boolean,
  at: number,
  warnings: PendingWarning[],
) {
  const runs = content.split('"');
  const parts: EntryParts = { key: null, fields: [], field: '', quotedLength: 0 };

  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as string;

    if (i % 2 === 0) {
      if (run !== '' || i === 0 || i === runs.length - 1) addUnquoted(parts, run, splitFields);
    } else {
      const escaped = i > 1 && runs[i - 1] === '';

      parts.field = escaped ? `${parts.field}"${run}` : `${parts.field.trimStart()}${run}`;
      parts.quotedLength = parts.field.length;
    }
  }

  if (runs.length % 2 === 0) {
    warnings.push({ at, message: 'a quoted string is not closed before the end of the line' });
  }

  parts.fields.push(finishField(parts, ''));

  return { key: parts.key, fields: parts.fields };
}

function splitPlain(value: string): string[] {
  const fields: string[] = [];
  let from = 0;
  let comma = value.indexOf(',');

  while (comma >= 0) {
    fields.push(value.slice(from, comma).trim());
    from = comma + 1;
    comma = value.indexOf(',', from);
  }
  fields.push(from === 0 ? value.trim() : value.slice(from).trim());

  return fields;
}

function parsePlain(content: string, splitFields: boolean) {
  const found = content.indexOf('=');
  const comma = splitFields ? content.indexOf(',') : -1;
  const equals = comma >= 0 && comma < found ? -1 : found;
  const key = equals < 0 ? null : content.slice(0, equals).trim();
  const value = equals < 0 ? content : content.slice(equals + 1);

  return { key, fields: splitFields ? splitPlain(value) : [value.trim()] };
}

// `key = "value"`, the shape of nearly every [Strings] line: one quoted field after the `=`,
// read with two searches instead of the general quote walk, which gives the same result.
function parseQuotedValue(content: string, splitFields: boolean) {
  const equals = content.indexOf('=');
  const open = content.indexOf('"');
  const close = content.length - 1;

  if (equals < 0 || open < equals || open === close || content.charCodeAt(close) !== QUOTE) {
    return null;
  }
  if (content.indexOf('"', open + 1) !== close) return null;
  if (splitFields && content.lastIndexOf(',', equals) >= 0) return null;

  for (let i = equals + 1; i < open; i++) {
    const code = content.charCodeAt(i);

    if (code !== SPACE && code !== TAB) return null;
  }

  return { key: content.slice(0, equals).trim(), fields: [content.slice(open + 1, close)] };
}

/** Splits a logical line into its key and fields, as Windows' INF parser does. */
export function parseEntry(
  content: string,
  at: number,
  options: EntryOptions,
  warnings: PendingWarning[],
): InfEntry {
  const parsed = content.includes('"')
    ? (parseQuotedValue(content, options.splitFields) ??
      parseQuoted(content, options.splitFields, at, warnings))
    : parsePlain(content, options.splitFields);

  return { kind: 'entry', at, key: parsed.key, fields: parsed.fields };
}

/** Every non-blank logical line of a section, split into its key and fields. */
export function readEntries(
  text: string,
  section: InfSection,
  options: EntryOptions,
  warnings: PendingWarning[],
): InfEntry[] {
  const entries: InfEntry[] = [];

  visitLines(text, section, (content, at) => {
    entries.push(parseEntry(content, at, options, warnings));
  });

  return entries;
}
