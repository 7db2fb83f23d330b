import type { PendingWarning } from './pending-warning.js';

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
  /** The section of that lower-cased name; Windows compares section names case-insensitively. */
  get(key: string): InfSection | undefined;
  has(key: string): boolean;
  /** Every distinct section name, lower-cased. */
  keys(): string[];
}

interface Header {
  readonly name: string;
  readonly at: number;
  readonly bodyStart: number;
  bodyEnd: number;
  /** The section this header starts, once asked for: the first header of a name holds it. */
  section?: InfSection;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const BACKSLASH = 92;
const SEMICOLON = 59;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}

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

  while (last >= start && isBlank(text.charCodeAt(last))) last--;

  if (last < start || text.charCodeAt(last) !== BACKSLASH) return -1;

  return commentStart(text.slice(start, last + 1)) < 0 ? last : -1;
}

// A line after one that ends in a continuation is part of that line, never a header.
// The previous line's last non-blank character is looked at before its start is searched for.
function followsContinuation(text: string, lineStart: number): boolean {
  let last = lineStart - 2;

  while (last >= 0 && isBlank(text.charCodeAt(last))) last--;

  if (last < 0 || text.charCodeAt(last) !== BACKSLASH) return false;

  const previous = text.lastIndexOf('\n', last) + 1;

  return continuationAt(text, previous, lineStart - 1) >= 0;
}

function lineStartBefore(text: string, bracket: number): number {
  let pos = bracket - 1;

  while (pos >= 0 && isBlank(text.charCodeAt(pos))) pos--;

  if (pos >= 0 && text.charCodeAt(pos) !== LF) return -1;

  return pos + 1;
}

function readHeader(text: string, open: number, end: number, warnings: PendingWarning[]) {
  const close = text.indexOf(']', open);

  if (close < 0 || close > end) {
    const message = 'section header has no closing ]; read to the end of line';

    warnings.push({ at: open, message });

    return text.slice(open + 1, end).trim();
  }

  let after = close + 1;

  while (after < end && isBlank(text.charCodeAt(after))) after++;

  if (after < end && text.charCodeAt(after) !== SEMICOLON) {
    const rest = text.slice(close + 1, end).trim();

    if (rest !== '' && !rest.startsWith(';')) {
      warnings.push({
        at: open,
        message: `text after section header ignored: ${rest.slice(0, 40)}`,
      });
    }
  }

  return text.slice(open + 1, close).trim();
}

// Windows ignores what comes before the first header; a comment there is normal, text is not.
function findStrayText(text: string, end: number): number | null {
  let pos = 0;

  while (pos < end) {
    let lineEnd = text.indexOf('\n', pos);

    if (lineEnd < 0) lineEnd = text.length;

    let first = pos;

    while (first < lineEnd && isBlank(text.charCodeAt(first))) first++;

    if (first < lineEnd && text.charCodeAt(first) !== SEMICOLON) return first;

    pos = lineEnd + 1;
  }

  return null;
}

type MutableSection = { name: string; at: number; ranges: SectionRange[] };

const UPPER_A = 65;
const UPPER_Z = 90;
const TO_LOWER = 32;
const LAST_ASCII = 127;
const NO_HEADERS: readonly Header[] = [];

function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) > LAST_ASCII) return false;
  }

  return true;
}

// `key` is lower-cased already; an ASCII name lower-cases letter by letter.
function asciiMatches(name: string, key: string): boolean {
  for (let i = 0; i < name.length; i++) {
    let code = name.charCodeAt(i);

    if (code >= UPPER_A && code <= UPPER_Z) code += TO_LOWER;
    if (code !== key.charCodeAt(i)) return false;
  }

  return true;
}

function matchesKey(header: Header, key: string): boolean {
  return isAscii(header.name) ? asciiMatches(header.name, key) : header.name.toLowerCase() === key;
}

// The headers from `first` on in `candidates` that carry `key`, merged into one section.
function sectionOf(candidates: readonly Header[], first: number, key: string): MutableSection {
  const head = candidates[first] as Header;
  const section: MutableSection = { name: head.name, at: head.at, ranges: [] };

  for (let i = first; i < candidates.length; i++) {
    const header = candidates[i] as Header;

    if (i > first && !matchesKey(header, key)) continue;
    if (header.bodyEnd > header.bodyStart) {
      section.ranges.push({ start: header.bodyStart, end: header.bodyEnd });
    }
  }

  return section;
}

// Headers are grouped by length and compared letter by letter, so a lookup neither builds
// nor hashes a lower-cased name; the section is kept on its first header. Names beyond ASCII
// may change length when lower-cased (a dotted capital I grows), so when a file has any, they
// are compared through `toLowerCase` and lookups are remembered by name instead.
class HeaderIndex implements SectionIndex {
  private readonly found = new Map<string, MutableSection | null>();
  private byLength: Map<number, Header[]> | null = null;
  private readonly unusual: Header[] = [];

  constructor(
    readonly text: string,
    private readonly headers: readonly Header[],
  ) {}

  get(key: string): InfSection | undefined {
    const group = this.grouped().get(key.length) ?? NO_HEADERS;

    if (this.unusual.length > 0) return this.getAmongUnusual(key, group);

    for (let i = 0; i < group.length; i++) {
      const header = group[i] as Header;

      if (asciiMatches(header.name, key)) return (header.section ??= sectionOf(group, i, key));
    }

    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  keys(): string[] {
    return [...new Set(this.headers.map((header) => header.name.toLowerCase()))];
  }

  private getAmongUnusual(key: string, group: readonly Header[]): InfSection | undefined {
    let section = this.found.get(key);

    if (section === undefined) {
      const matching = group.filter((header) => asciiMatches(header.name, key));

      for (const header of this.unusual) {
        if (header.name.toLowerCase() === key) matching.push(header);
      }
      matching.sort((a, b) => a.at - b.at);
      section = matching.length === 0 ? null : sectionOf(matching, 0, key);
      this.found.set(key, section);
    }

    return section ?? undefined;
  }

  private grouped(): Map<number, Header[]> {
    if (this.byLength !== null) return this.byLength;

    const byLength = new Map<number, Header[]>();

    for (const header of this.headers) {
      if (!isAscii(header.name)) {
        this.unusual.push(header);
        continue;
      }

      const group = byLength.get(header.name.length);

      if (group === undefined) byLength.set(header.name.length, [header]);
      else group.push(header);
    }

    this.byLength = byLength;

    return byLength;
  }
}

/**
 * Finds every section header by jumping from `[` to `[`; section bodies are parsed later, and
 * only those a reader asks for.
 */
export function indexSections(text: string, warnings: PendingWarning[]): SectionIndex {
  const headers: Header[] = [];
  let bracket = text.indexOf('[');

  while (bracket >= 0) {
    const lineStart = lineStartBefore(text, bracket);

    if (lineStart < 0 || followsContinuation(text, lineStart)) {
      bracket = text.indexOf('[', bracket + 1);
      continue;
    }

    let end = text.indexOf('\n', bracket);

    if (end < 0) end = text.length;

    const previous = headers.at(-1);

    if (previous) previous.bodyEnd = lineStart;
    headers.push({
      name: readHeader(text, bracket, end, warnings),
      at: bracket,
      bodyStart: end + 1,
      bodyEnd: text.length,
    });
    bracket = end < text.length ? text.indexOf('[', end + 1) : -1;
  }

  const first = headers[0];
  const stray = findStrayText(text, first ? lineStartBefore(text, first.at) : text.length);

  if (stray !== null) {
    warnings.push({ at: stray, message: 'text before the first section header ignored' });
  }

  return new HeaderIndex(text, headers);
}
