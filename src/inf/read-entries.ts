import type { InfWarning } from './types.js';
import type { InfSection } from './index-sections.js';
import { commentStart, endsWithContinuation } from './index-sections.js';

/** One logical line of a section: `key = field, field` or a bare field list. */
export interface InfEntry {
  readonly kind: 'entry';
  /** 1-based line where the logical line starts. */
  readonly line: number;
  /** Unquoted text before the first `=` outside quotes, or null when there is none. */
  readonly key: string | null;
  /** Unquoted, trimmed fields; one field holding the whole value when commas are not split. */
  readonly fields: readonly string[];
}

export interface EntryOptions {
  /** [Strings] values keep their commas: a string is one value, not a field list. */
  readonly splitFields: boolean;
}

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
function parseQuoted(content: string, splitFields: boolean, line: number, warnings: InfWarning[]) {
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
    warnings.push({ line, message: 'a quoted string is not closed before the end of the line' });
  }

  parts.fields.push(finishField(parts, ''));

  return { key: parts.key, fields: parts.fields };
}

function parsePlain(content: string, splitFields: boolean) {
  const found = content.indexOf('=');
  const comma = splitFields ? content.indexOf(',') : -1;
  const equals = comma >= 0 && comma < found ? -1 : found;
  const key = equals < 0 ? null : content.slice(0, equals).trim();
  const value = equals < 0 ? content : content.slice(equals + 1);
  const fields = splitFields ? value.split(',').map((field) => field.trim()) : [value.trim()];

  return { key, fields };
}

/** Splits a logical line into its key and fields, as Windows' INF parser does. */
export function parseEntry(
  content: string,
  line: number,
  options: EntryOptions,
  warnings: InfWarning[],
): InfEntry {
  const parsed = content.includes('"')
    ? parseQuoted(content, options.splitFields, line, warnings)
    : parsePlain(content, options.splitFields);

  return { kind: 'entry', line, key: parsed.key, fields: parsed.fields };
}

function withoutComment(physical: string): string {
  const comment = commentStart(physical);

  return comment < 0 ? physical : physical.slice(0, comment);
}

/** Every non-blank logical line of a section, comments removed and continuations joined. */
export function readEntries(
  text: string,
  section: InfSection,
  options: EntryOptions,
  warnings: InfWarning[],
): InfEntry[] {
  const entries: InfEntry[] = [];

  for (const range of section.ranges) {
    let pos = range.start;
    let line = range.line;
    let joined = '';
    let joinedLine = line;

    while (pos < range.end) {
      let end = text.indexOf('\n', pos);

      if (end < 0 || end > range.end) end = range.end;

      if (endsWithContinuation(text, pos, end)) {
        const physical = text.slice(pos, end).trimEnd();

        if (joined === '') joinedLine = line;
        joined += physical.slice(0, -1);
      } else {
        const content = (joined + withoutComment(text.slice(pos, end))).trim();
        const startLine = joined === '' ? line : joinedLine;

        if (content !== '') entries.push(parseEntry(content, startLine, options, warnings));
        joined = '';
      }

      pos = end + 1;
      line++;
    }

    if (joined.trim() !== '') {
      entries.push(parseEntry(joined.trim(), joinedLine, options, warnings));
    }
  }

  return entries;
}
