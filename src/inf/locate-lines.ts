import { commentStart } from './index-sections.js';

export interface LineLocation {
  /** 1-based line number. */
  readonly line: number;
  readonly inComment: boolean;
}

/**
 * Answers "which line, and is it commented out?" for offsets given in increasing order, by
 * walking the text forward once: whole-text scans stay linear however many matches there are.
 */
export function createLineLocator(text: string): (offset: number) => LineLocation {
  let line = 1;
  let lineStart = 0;
  let lineEnd = text.indexOf('\n');
  let comment: number | null = null;

  if (lineEnd < 0) lineEnd = text.length;

  return (offset) => {
    while (offset > lineEnd && lineEnd < text.length) {
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      line++;
      comment = null;
    }

    comment ??= commentStart(text.slice(lineStart, lineEnd));

    return { line, inComment: comment >= 0 && lineStart + comment < offset };
  };
}
