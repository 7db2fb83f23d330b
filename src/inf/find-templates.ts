import type { PendingWarning } from './pending-warning.js';
import { commentStart } from './index-sections.js';

/** `$ARCH$` as stampinf writes it; the one template readInf can fill itself. */
export const ARCH_TEMPLATE = '$ARCH$';

// `$NAME$` (stampinf), `#NAME#` and `@NAME@` (build scripts): the closing mark matches the
// opening one and names are plain identifiers.
const MARKS = ['$', '#', '@'] as const;

// INF signatures look like templates but are literal values Windows expects.
const SIGNATURES = new Set(['$chicago$']);
const LONGEST_SIGNATURE = Math.max(...[...SIGNATURES].map((signature) => signature.length));

/** Offsets of a marker's opening and closing mark. */
type Span = readonly [open: number, close: number];

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

// Offset of the mark closing a marker opened at `open`, or -1 when no name and closing mark
// follow it.
function closeOf(text: string, open: number): number {
  let pos = open + 1;

  if (pos >= text.length || !isNameStart(text.charCodeAt(pos))) return -1;

  pos++;
  while (pos < text.length && isNamePart(text.charCodeAt(pos))) pos++;

  return pos < text.length && text.charCodeAt(pos) === text.charCodeAt(open) ? pos : -1;
}

/** Whether the text holds a template marker anywhere, comments included. */
export function holdsTemplate(text: string): boolean {
  for (const mark of MARKS) {
    for (let open = text.indexOf(mark); open >= 0; open = text.indexOf(mark, open + 1)) {
      if (closeOf(text, open) >= 0) return true;
    }
  }

  return false;
}

// Appends each marker of one mark, left to right, each search resuming after the previous
// marker, so `$A$B$` holds one marker.
function spansOf(text: string, mark: string, into: Span[]): void {
  let open = text.indexOf(mark);

  while (open >= 0) {
    const close = closeOf(text, open);

    if (close >= 0) into.push([open, close]);
    open = text.indexOf(mark, close >= 0 ? close + 1 : open + 1);
  }
}

// Every marker, by position. Names cannot hold a mark, so markers of different marks never
// overlap and each mark can be searched for on its own; only when two marks both occur do
// their markers need interleaving.
function markerSpans(text: string): Span[] {
  const spans: Span[] = [];
  let marksSeen = 0;

  for (const mark of MARKS) {
    const before = spans.length;

    spansOf(text, mark, spans);
    if (spans.length > before) marksSeen++;
  }

  return marksSeen > 1 ? spans.sort((a, b) => a[0] - b[0]) : spans;
}

// Answers "is this offset commented out?" for offsets in increasing order, finding each
// line's comment once however many markers the line holds.
function createCommentTest(text: string): (at: number) => boolean {
  let lineEnd = -1;
  let comment = -1;

  return (at) => {
    if (at > lineEnd) {
      const lineStart = text.lastIndexOf('\n', at) + 1;

      lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;

      const start = commentStart(text.slice(lineStart, lineEnd));

      comment = start < 0 ? -1 : lineStart + start;
    }

    return comment >= 0 && comment < at;
  };
}

function isSignature(marker: string): boolean {
  return marker.length <= LONGEST_SIGNATURE && SIGNATURES.has(marker.toLowerCase());
}

function hintFor(marker: string): string {
  return marker === ARCH_TEMPLATE
    ? 'stampinf fills it; give an architecture to stamp it'
    : 'the INF cannot be installed as it is';
}

/** Replaces stampinf's `$ARCH$` with the target architecture, as stampinf -a does. */
export function stampArchitecture(text: string, architecture: string | undefined): string {
  if (architecture === undefined || !text.includes(ARCH_TEMPLATE)) return text;

  return text.replaceAll(ARCH_TEMPLATE, architecture);
}

/** Every distinct template marker outside comments, in order of first appearance. */
export function findTemplates(text: string, warnings: PendingWarning[]): string[] {
  const spans = markerSpans(text);

  if (spans.length === 0) return [];

  const found: string[] = [];
  const inComment = createCommentTest(text);

  for (const [open, close] of spans) {
    const marker = text.slice(open, close + 1);

    if (found.includes(marker) || isSignature(marker) || inComment(open)) continue;

    found.push(marker);
    warnings.push({ at: open, message: `template ${marker} is not filled in; ${hintFor(marker)}` });
  }

  return found;
}
