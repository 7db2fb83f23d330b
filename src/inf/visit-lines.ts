import type { InfSection, SectionRange } from './index-sections.js';
import { commentStart, continuationAt } from './index-sections.js';
import { isLineBlank } from './ascii-case.js';

/** Receives each non-blank logical line of a section and the offset where it starts. */
export type LineVisitor = (content: string, at: number) => void;

// Offsets of the next `;` and `"` at or after a position, reused for every line before them,
// so that a line is cut without a search of its own. The searches run within the range being
// read: from each section on to the next `;` of the file, they would cost the square of the
// size of a large file whose sections have none.
class RangeMarks {
  private body = '';
  private start = 0;
  private end = 0;
  private semicolon = -1;
  private quote = -1;

  enter(text: string, range: SectionRange): void {
    this.body = text.slice(range.start, range.end);
    this.start = range.start;
    this.end = range.end;
    this.semicolon = -1;
    this.quote = -1;
  }

  /** The next `;` at or after `from`, or the range's end when there is none. */
  nextSemicolon(from: number): number {
    if (this.semicolon < from) this.semicolon = this.find(';', from);

    return this.semicolon;
  }

  /** The next `"` at or after `from`, or the range's end when there is none. */
  nextQuote(from: number): number {
    if (this.quote < from) this.quote = this.find('"', from);

    return this.quote;
  }

  private find(char: string, from: number): number {
    const at = this.body.indexOf(char, from - this.start);

    return at < 0 ? this.end : this.start + at;
  }
}

// The physical line `[start, end)` without its comment, trimmed. The line is cut from the
// text once; blanks are skipped by offset first, and `trim` finishes any other white space.
function codeOf(text: string, start: number, end: number, marks: RangeMarks): string {
  const semicolon = marks.nextSemicolon(start);
  let stop = end;

  if (semicolon < end) {
    if (marks.nextQuote(start) > semicolon) stop = semicolon;
    else {
      const comment = commentStart(text.slice(start, end));

      if (comment >= 0) stop = start + comment;
    }
  }

  let first = start;

  while (first < stop && isLineBlank(text.charCodeAt(first))) first++;
  while (stop > first && isLineBlank(text.charCodeAt(stop - 1))) stop--;

  return first === stop ? '' : text.slice(first, stop).trim();
}

// Untrimmed, for a line that a continuation joins onto: its leading blanks count.
function rawCodeOf(text: string, start: number, end: number): string {
  const line = text.slice(start, end);
  const comment = commentStart(line);

  return comment < 0 ? line : line.slice(0, comment);
}

/** Visits every non-blank logical line of a section, comments removed, continuations joined. */
export function visitLines(text: string, section: InfSection, visit: LineVisitor): void {
  const marks = new RangeMarks();

  for (const range of section.ranges) {
    let pos = range.start;
    let joined = '';
    let joinedAt = pos;

    marks.enter(text, range);

    while (pos < range.end) {
      let end = text.indexOf('\n', pos);

      if (end < 0 || end > range.end) end = range.end;

      const backslash = continuationAt(text, pos, end);

      if (backslash >= 0) {
        if (joined === '') joinedAt = pos;
        joined += text.slice(pos, backslash);
      } else if (joined === '') {
        const content = codeOf(text, pos, end, marks);

        if (content !== '') visit(content, pos);
      } else {
        const content = (joined + rawCodeOf(text, pos, end)).trim();

        if (content !== '') visit(content, joinedAt);
        joined = '';
      }

      pos = end + 1;
    }

    if (joined.trim() !== '') visit(joined.trim(), joinedAt);
  }
}
