import type { InfWarning } from './types.js';

/** A run of body lines of one section, as offsets into the decoded text. */
export interface SectionRange {
  readonly start: number;
  readonly end: number;
  /** 1-based line number of the first body line. */
  readonly line: number;
}

export interface InfSection {
  /** The name as first written; repeated sections of any case merge into the first. */
  readonly name: string;
  readonly line: number;
  readonly ranges: SectionRange[];
}

export interface SectionIndex {
  readonly text: string;
  /** Keyed by lower-cased name, because Windows compares section names case-insensitively. */
  readonly byName: ReadonlyMap<string, InfSection>;
  readonly order: readonly InfSection[];
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const BRACKET = 91;
const BACKSLASH = 92;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}

/** Offset of the `;` that starts a comment in `line`, or -1; quotes hide semicolons. */
export function commentStart(line: string): number {
  const semi = line.indexOf(';');

  if (semi < 0) return -1;
  if (line.indexOf('"') < 0 || line.indexOf('"') > semi) return semi;

  let quoted = false;

  for (let i = 0; i < line.length; i++) {
    const char = line[i];

    if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) return i;
  }

  return -1;
}

/** True when a physical line ends in a `\` that joins it to the next one. */
export function endsWithContinuation(text: string, start: number, end: number): boolean {
  let last = end - 1;

  while (last >= start && isBlank(text.charCodeAt(last))) last--;

  if (last < start || text.charCodeAt(last) !== BACKSLASH) return false;

  const line = text.slice(start, last + 1);
  const comment = commentStart(line);

  return comment < 0;
}

function addSection(
  byName: Map<string, InfSection>,
  order: InfSection[],
  name: string,
  line: number,
): InfSection {
  const key = name.toLowerCase();
  const existing = byName.get(key);

  if (existing) return existing;

  const section: InfSection = { name, line, ranges: [] };

  byName.set(key, section);
  order.push(section);

  return section;
}

function readHeader(text: string, open: number, end: number, line: number, warnings: InfWarning[]) {
  const close = text.indexOf(']', open);

  if (close < 0 || close > end) {
    warnings.push({ line, message: 'section header has no closing ]; read to the end of line' });

    return text.slice(open + 1, end).trim();
  }

  const rest = text.slice(close + 1, end).trim();

  if (rest !== '' && !rest.startsWith(';')) {
    warnings.push({ line, message: `text after section header ignored: ${rest.slice(0, 40)}` });
  }

  return text.slice(open + 1, close).trim();
}

/** Finds every section header in one pass; section bodies are parsed later, on demand. */
export function indexSections(text: string, warnings: InfWarning[]): SectionIndex {
  const byName = new Map<string, InfSection>();
  const order: InfSection[] = [];
  let current: InfSection | null = null;
  let bodyStart = 0;
  let bodyLine = 1;
  let strayLine: number | null = null;
  let continued = false;
  let pos = 0;
  let line = 1;

  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);

    if (end < 0) end = text.length;

    let first = pos;

    while (first < end && isBlank(text.charCodeAt(first))) first++;

    const isHeader = !continued && first < end && text.charCodeAt(first) === BRACKET;

    if (isHeader) {
      if (current && pos > bodyStart)
        current.ranges.push({ start: bodyStart, end: pos, line: bodyLine });

      const name = readHeader(text, first, end, line, warnings);

      current = addSection(byName, order, name, line);
      bodyStart = end + 1;
      bodyLine = line + 1;
    } else if (!current && strayLine === null && first < end && text[first] !== ';') {
      strayLine = line;
    }

    continued = first < end && endsWithContinuation(text, first, end);
    pos = end + 1;
    line++;
  }

  if (current && text.length > bodyStart) {
    current.ranges.push({ start: bodyStart, end: text.length, line: bodyLine });
  }
  if (strayLine !== null) {
    warnings.push({ line: strayLine, message: 'text before the first section header ignored' });
  }

  return { text, byName, order };
}
