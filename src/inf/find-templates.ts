import type { PendingWarning } from './pending-warning.js';
import { commentStart } from './index-sections.js';

/** `$ARCH$` as stampinf writes it; the one template readInf can fill itself. */
export const ARCH_TEMPLATE = '$ARCH$';

// `$NAME$` (stampinf), `#NAME#` and `@NAME@` (build scripts): the closing mark matches the
// opening one and names are plain identifiers.
const MARKS = ['$', '#', '@'] as const;

// INF signatures look like templates but are literal values Windows expects.
const SIGNATURES = new Set(['$chicago$']);

interface Marker {
  readonly at: number;
  readonly marker: string;
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

// Markers opened by one character, left to right, each scan resuming after the previous
// marker, so `$A$B$` holds one marker. Names cannot hold another mark, so the three kinds of
// marker never overlap and can be looked for one at a time.
function markersOf(text: string, mark: string, into: Marker[]): void {
  const close = mark.charCodeAt(0);
  let open = text.indexOf(mark);

  while (open >= 0) {
    let pos = open + 1;

    if (pos < text.length && isNameStart(text.charCodeAt(pos))) {
      pos++;
      while (pos < text.length && isNamePart(text.charCodeAt(pos))) pos++;
    }
    if (pos > open + 1 && pos < text.length && text.charCodeAt(pos) === close) {
      into.push({ at: open, marker: text.slice(open, pos + 1) });
      open = text.indexOf(mark, pos + 1);
    } else {
      open = text.indexOf(mark, open + 1);
    }
  }
}

// Answers "is this offset commented out?" for offsets in increasing order, finding each
// line's comment once however many markers the line holds.
function createCommentTest(text: string): (at: number) => boolean {
  let lineStart = -1;
  let lineEnd = -1;
  let comment = -1;

  return (at) => {
    if (at > lineEnd) {
      lineStart = text.lastIndexOf('\n', at) + 1;
      lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;

      const start = commentStart(text.slice(lineStart, lineEnd));

      comment = start < 0 ? -1 : lineStart + start;
    }

    return comment >= 0 && comment < at;
  };
}

/** Replaces stampinf's `$ARCH$` with the target architecture, as stampinf -a does. */
export function stampArchitecture(text: string, architecture: string | undefined): string {
  if (architecture === undefined || !text.includes(ARCH_TEMPLATE)) return text;

  return text.replaceAll(ARCH_TEMPLATE, architecture);
}

/** Every distinct template marker outside comments, in order of first appearance. */
export function findTemplates(text: string, warnings: PendingWarning[]): string[] {
  const markers: Marker[] = [];

  for (const mark of MARKS) markersOf(text, mark, markers);

  const found = new Set<string>();
  const inComment = createCommentTest(text);

  for (const { at, marker } of markers.sort((a, b) => a.at - b.at)) {
    if (found.has(marker) || SIGNATURES.has(marker.toLowerCase())) continue;
    if (inComment(at)) continue;

    const hint =
      marker === ARCH_TEMPLATE
        ? 'stampinf fills it; give an architecture to stamp it'
        : 'the INF cannot be installed as it is';

    found.add(marker);
    warnings.push({ at, message: `template ${marker} is not filled in; ${hint}` });
  }

  return [...found];
}
