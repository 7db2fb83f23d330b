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
  readonly name: HeaderName;
  /** The name's length in the text, compared before its letters. */
  readonly nameLength: number;
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

interface HeaderName {
  readonly start: number;
  readonly end: number;
  /** The name itself when trimming it needed more than ASCII blanks; otherwise cut on demand. */
  readonly exotic: string | null;
}

const LAST_ASCII = 127;

// JavaScript's `trim` on ASCII is exactly these: tab through carriage return, and space.
function isAsciiSpace(code: number): boolean {
  return code === SPACE || (code >= TAB && code <= CR);
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

  return nameBetween(text, open + 1, close);
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
// The one character whose lower case is longer than itself (`i` and a combining dot).
const LENGTHENS_WHEN_LOWERED = '\u0130';
// Up to this many headers a lookup walks them all; beyond, it walks those of its key's length.
const FEW_HEADERS = 8;
// Once lookups have compared this many headers for each one in the file, the headers are
// mapped by lower-cased name: from then on a lookup costs one hash, however many there are.
const WALKS_BEFORE_MAP = 4;
const NO_HEADERS: readonly Header[] = [];

function nameOf(text: string, header: Header): string {
  return header.name.exotic ?? text.slice(header.name.start, header.name.end);
}

// `key` is lower-cased already and as long as the name. ASCII letters are lower-cased one by
// one; a name with any other character is lower-cased whole, which only such rare names pay for.
function nameMatches(text: string, header: Header, key: string): boolean {
  const { start, end } = header.name;

  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);

    if (code > LAST_ASCII) return nameOf(text, header).toLowerCase() === key;
    if (code >= UPPER_A && code <= UPPER_Z) code += TO_LOWER;
    if (code !== key.charCodeAt(i - start)) return false;
  }

  return true;
}

// A lookup compares the headers of its key's length with the lower-cased key letter by letter,
// so that it neither builds nor hashes a lower-cased name; a file looked up often enough for
// that to add up, as OEM INFs are once per model, maps each lower-cased name to its headers
// instead. Lower-casing keeps a name's length unless it
// holds a dotted capital I, and trimming keeps the offsets unless the name ends in white space
// beyond ASCII; a file with either compares lower-cased names whole. The merged section is
// kept on its first header.
class HeaderIndex implements SectionIndex {
  private readonly plain: boolean;
  private byLength: Map<number, Header[]> | null = null;
  private byName: Map<string, Header[]> | null = null;
  private walked = 0;

  constructor(
    readonly text: string,
    private readonly headers: readonly Header[],
  ) {
    this.plain =
      !text.includes(LENGTHENS_WHEN_LOWERED) && headers.every((header) => !header.name.exotic);
  }

  get(key: string): InfSection | undefined {
    const candidates = this.candidates(key);

    for (let i = 0; i < candidates.length; i++) {
      const header = candidates[i] as Header;

      if (this.carries(header, key)) {
        return (header.section ??= this.sectionFrom(candidates, i, key));
      }
    }

    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  keys(): string[] {
    return [...new Set(this.headers.map((header) => nameOf(this.text, header).toLowerCase()))];
  }

  private candidates(key: string): readonly Header[] {
    if (this.byName !== null) return this.byName.get(key) ?? NO_HEADERS;

    const group = this.sameLength(key);

    this.walked += group.length;
    if (this.walked > WALKS_BEFORE_MAP * this.headers.length) {
      this.byName = this.groupByName();

      return this.byName.get(key) ?? NO_HEADERS;
    }

    return group;
  }

  // Lower-casing keeps the length of names in a plain file, so only those of the key's length
  // can carry it.
  private sameLength(key: string): readonly Header[] {
    if (!this.plain || this.headers.length <= FEW_HEADERS) return this.headers;

    this.byLength ??= groupByLength(this.headers);

    return this.byLength.get(key.length) ?? NO_HEADERS;
  }

  private groupByName(): Map<string, Header[]> {
    const byName = new Map<string, Header[]>();

    for (const header of this.headers) {
      const name = nameOf(this.text, header).toLowerCase();
      const group = byName.get(name);

      if (group === undefined) byName.set(name, [header]);
      else group.push(header);
    }

    return byName;
  }

  private carries(header: Header, key: string): boolean {
    if (this.byName !== null) return true;
    if (!this.plain) return nameOf(this.text, header).toLowerCase() === key;

    return header.nameLength === key.length && nameMatches(this.text, header, key);
  }

  // The headers from `first` on that carry `key`, merged into one section.
  private sectionFrom(candidates: readonly Header[], first: number, key: string): MutableSection {
    const head = candidates[first] as Header;
    const section: MutableSection = { name: nameOf(this.text, head), at: head.at, ranges: [] };

    for (let i = first; i < candidates.length; i++) {
      const header = candidates[i] as Header;

      if (i > first && !this.carries(header, key)) continue;
      if (header.bodyEnd > header.bodyStart) {
        section.ranges.push({ start: header.bodyStart, end: header.bodyEnd });
      }
    }

    return section;
  }
}

function groupByLength(headers: readonly Header[]): Map<number, Header[]> {
  const byLength = new Map<number, Header[]>();

  for (const header of headers) {
    const group = byLength.get(header.nameLength);

    if (group === undefined) byLength.set(header.nameLength, [header]);
    else group.push(header);
  }

  return byLength;
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
