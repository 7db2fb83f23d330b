// Case-insensitive comparison of INF names without building lower-cased strings, which is
// what Windows' case-insensitive section and string names would otherwise cost per lookup.

const SPACE = 32;
const TAB = 9;
const CR = 13;
const UPPER_A = 65;
const UPPER_Z = 90;
const TO_LOWER = 32;

/** The highest ASCII code; names with characters above it are compared lower-cased whole. */
export const LAST_ASCII = 127;

/** Whether lower-casing keeps the length of every name in `text`: only a dotted capital I grows. */
export function lowerCaseKeepsLength(text: string): boolean {
  return !text.includes('\u0130');
}

/** Space, tab and carriage return: the blanks around an INF line's content and its ends. */
export function isLineBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR;
}

/** JavaScript's `trim` on ASCII is exactly these: tab through carriage return, and space. */
export function isAsciiSpace(code: number): boolean {
  return code === SPACE || (code >= TAB && code <= CR);
}

/**
 * Whether `source` from `start` holds `key` (lower-cased, of the name's length) with ASCII
 * letters of either case, or null when a character beyond ASCII comes first and the name
 * must be lower-cased whole to tell.
 */
export function asciiMatchesLowered(source: string, start: number, key: string): boolean | null {
  for (let i = 0; i < key.length; i++) {
    let code = source.charCodeAt(start + i);

    if (code > LAST_ASCII) return null;
    if (code >= UPPER_A && code <= UPPER_Z) code += TO_LOWER;
    if (code !== key.charCodeAt(i)) return false;
  }

  return true;
}
