import type { Header, HeaderName } from './header-index.js';
import type { PendingWarning } from './pending-warning.js';
import { HeaderIndex } from './header-index.js';
import { isAsciiSpace, isLineBlank, LAST_ASCII } from './ascii-case.js';

/** A run of body lines of one section, as offsets into the decoded text. */
export interface SectionRange {
  readonly start: number;
  readonly end: number;
}

export interface InfSection {
  /** The name as first written; repeated sections of any case merge into the first. */
  readonly name: string;
  /** Offset of the first header line. */
  readonly at: number;
  readonly ranges: readonly SectionRange[];
}

export interface SectionIndex {
  readonly text: string;
  /** False when the text holds a dotted capital I, whose lower case is longer than itself. */
  readonly lowerCaseKeepsLength: boolean;
  /** The section of that lower-cased name; Windows compares section names case-insensitively. */
  get(key: string): InfSection | undefined;
  has(key: string): boolean;
  /** Every distinct section name, lower-cased. */
  keys(): string[];
}

const LF = 10;
const BACKSLASH = 92;
const SEMICOLON = 59;

/** Offset of the `;` that starts a comment in `line`, or -1; quotes hide semicolons. */
export function commentStart(line: string): number {
  const semi = line.indexOf(';');

  if (semi < 0) return -1;

  const quote = line.indexOf('"');

  if (quote < 0 || quote > semi) return semi;

  let quoted = false;

  for (let i = quote; i < line.length; i++) {
    const code = line.charCodeAt(i);

    if (code === 34) quoted = !quoted;
    else if (code === SEMICOLON && !quoted) return i;
  }

  return -1;
}

/**
 * Offset of the `\` that joins the physical line `[start, end)` to the next one, or -1. A
 * backslash inside a comment joins nothing.
 */
export function continuationAt(text: string, start: number, end: number): number {
  let last = end - 1;

  while (last >= start && isLineBlank(text.charCodeAt(last))) last--;

  if (last < start || text.charCodeAt(last) !== BACKSLASH) return -1;

  return commentStart(text.slice(start, last + 1)) < 0 ? last : -1;
}

// A line after one that ends in a continuation is part of that line, never a header.
// The previous line's last non-blank character is looked at before its start is searched for.
function followsContinuation(text: string, lineStart: number): boolean {
  let last = lineStart - 2;

  while (last >= 0 && isLineBlank(text.charCodeAt(last))) last--;

  if (last < 0 || text.charCodeAt(last) !== BACKSLASH) return false;

  const previous = text.lastIndexOf('\n', last) + 1;

  return continuationAt(text, previous, lineStart - 1) >= 0;
}

function lineStartBefore(text: string, bracket: number): number {
  let pos = bracket - 1;

  while (pos >= 0 && isLineBlank(text.charCodeAt(pos))) pos--;

  if (pos >= 0 && text.charCodeAt(pos) !== LF) return -1;

  return pos + 1;
}

// The trimmed name in `[from, to)`, found by offsets so that a header costs no string until its
// section is asked for. White space beyond ASCII is left to `trim`, which knows all of it.
function nameBetween(text: string, from: number, to: number): HeaderName {
  let start = from;
  let end = to;

  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;

  const edgeBeyondAscii =
    start < end && (text.charCodeAt(start) > LAST_ASCII || text.charCodeAt(end - 1) > LAST_ASCII);

  return { start, end, exotic: edgeBeyondAscii ? text.slice(from, to).trim() : null };
}

function readHeader(text: string, open: number, end: number, warnings: PendingWarning[]) {
  const close = text.indexOf(']', open);

  if (close < 0 || close > end) {
    const message = 'section header has no closing ]; read to the end of line';

    warnings.push({ at: open, message });

    return nameBetween(text, open + 1, end);
  }

  let after = close + 1;

  while (after < end && isLineBlank(text.charCodeAt(after))) after++;

  if (after < end && text.charCodeAt(after) !== SEMICOLON) {
    const rest = text.slice(close + 1, end).trim();

    if (rest !== '' && !rest.startsWith(';')) {
      warnings.push({
        at: open,
        message: `text after section header ignored: ${rest.slice(0, 40)}`,
      });
    }
  }

  return nameBetween(text, open + 1, close);
}

// Windows ignores what comes before the first header; a comment there is normal, text is not.
function findStrayText(text: string, end: number): number | null {
  let pos = 0;

  while (pos < end) {
    let lineEnd = text.indexOf('\n', pos);

    if (lineEnd < 0) lineEnd = text.length;

    let first = pos;

    while (first < lineEnd && isLineBlank(text.charCodeAt(first))) first++;

    if (first < lineEnd && text.charCodeAt(first) !== SEMICOLON) return first;

    pos = lineEnd + 1;
  }

  return null;
}

/**
 * Finds every section header by jumping from `[` to `[`; section bodies are parsed later, and
 * only those a reader asks for.
 */
export function indexSections(text: string, warnings: PendingWarning[]): SectionIndex {
  const headers: Header[] = [];
  let previous: Header | null = null;
  let bracket = text.indexOf('[');

  while (bracket >= 0) {
    const lineStart = lineStartBefore(text, bracket);

    if (lineStart < 0 || followsContinuation(text, lineStart)) {
      bracket = text.indexOf('[', bracket + 1);
      continue;
    }

    let end = text.indexOf('\n', bracket);

    if (end < 0) end = text.length;
    if (previous !== null) previous.bodyEnd = lineStart;

    const name = readHeader(text, bracket, end, warnings);

    previous = {
      name,
      nameLength: name.end - name.start,
      at: bracket,
      bodyStart: end + 1,
      bodyEnd: text.length,
    };
    headers.push(previous);
    bracket = end < text.length ? text.indexOf('[', end + 1) : -1;
  }

  const first = headers[0];
  const stray = findStrayText(text, first ? lineStartBefore(text, first.at) : text.length);

  if (stray !== null) {
    warnings.push({ at: stray, message: 'text before the first section header ignored' });
  }

  return new HeaderIndex(text, headers);
}
