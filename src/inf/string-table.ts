import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import { parseEntry } from './read-entries.js';
import { visitLines } from './visit-lines.js';
import { StringDefinitions } from './string-names.js';
import { isAsciiSpace, LAST_ASCII } from './ascii-case.js';

/** Substitutes `%name%` tokens in a value read at offset `at` (for warnings). */
export type Substitute = (value: string, at: number) => string;

const NEUTRAL_FALLBACK_LCID = '0409';
const DIRID = /^-?\d+$/;

/** `0407`, `407` and `0x0407` all name the LCID of [Strings.0407]. */
export function normaliseLocale(locale: string): string {
  const hex = locale.trim().toLowerCase().replace(/^0x/, '');

  return hex.padStart(4, '0');
}

/** Looks up a lower-cased string name. */
export interface StringTable {
  get(name: string): string | undefined;
}

const NO_SPLIT = { splitFields: false } as const;
const UNCLOSED_QUOTE = 'a quoted string is not closed before the end of the line';

// Counts the quotes from the first; the common `name = "value"` is settled by its second.
function hasOddQuotes(content: string, first: number): boolean {
  let count = 1;

  for (let quote = content.indexOf('"', first + 1); quote >= 0;) {
    if (++count === 2 && quote === content.length - 1) return false;
    quote = content.indexOf('"', quote + 1);
  }

  return count % 2 === 1;
}

// A string line is split into its name and the rest only; the value is unquoted when a token
// asks for it. The name is found as the entry parser finds it: before the first `=` when no
// quote comes earlier, and by the parser itself otherwise.
class LazyStringTable implements StringTable {
  private readonly definitions = new StringDefinitions();
  private readonly values = new Map<string, string>();

  constructor(
    private readonly index: SectionIndex,
    private readonly warnings: PendingWarning[],
  ) {}

  add(name: string): boolean {
    const section = this.index.get(name);

    if (!section) return false;

    visitLines(this.index.text, section, (content, at) => {
      if (!this.define(content, at)) {
        this.warnings.push({ at, message: `[${section.name}] line has no string name` });
      }
    });

    return true;
  }

  get(name: string): string | undefined {
    const known = this.values.get(name);

    if (known !== undefined) return known;

    const line = this.definitions.find(name);

    if (line === undefined) return undefined;

    // Its warnings were reported when the section was scanned, so none are taken here.
    const field = parseEntry(line, 0, NO_SPLIT, []).fields[0] ?? '';
    const value = field.includes('%%') ? field.replaceAll('%%', '%') : field;

    this.values.set(name, value);

    return value;
  }

  // Records the line under its name, or returns false when it has none. A name with an edge
  // beyond ASCII, which `trim` may shorten, is cut and lower-cased at once.
  private define(content: string, at: number): boolean {
    const equals = content.indexOf('=');
    const quote = content.indexOf('"');

    if (quote >= 0 && (equals < 0 || quote < equals)) {
      const key = parseEntry(content, at, NO_SPLIT, this.warnings).key;

      if (key === null || key === '') return false;

      this.definitions.addNamed(key.toLowerCase(), content);

      return true;
    }
    if (quote >= 0 && hasOddQuotes(content, quote)) {
      this.warnings.push({ at, message: UNCLOSED_QUOTE });
    }
    if (equals < 0) return false;

    let end = equals;

    while (end > 0 && isAsciiSpace(content.charCodeAt(end - 1))) end--;

    if (end === 0) return false;

    const byLength =
      this.index.lowerCaseKeepsLength &&
      content.charCodeAt(0) <= LAST_ASCII &&
      content.charCodeAt(end - 1) <= LAST_ASCII;

    if (byLength) {
      this.definitions.add(content, end);

      return true;
    }

    const key = content.slice(0, equals).trim();

    if (key === '') return false;

    this.definitions.addNamed(key.toLowerCase(), content);

    return true;
  }
}

/**
 * The strings `%token%` resolves to: the requested locale's [Strings.LCID] first, then the
 * neutral [Strings], then [Strings.0409], which is what Windows falls back to. Every line of
 * those sections is checked as it would be read; values are unquoted only when looked up.
 */
export function buildStringTable(
  index: SectionIndex,
  locale: string | undefined,
  warnings: PendingWarning[],
): StringTable {
  const table = new LazyStringTable(index, warnings);

  table.add(`strings.${NEUTRAL_FALLBACK_LCID}`);
  table.add('strings');

  if (locale !== undefined) {
    const lcid = normaliseLocale(locale);

    if (!table.add(`strings.${lcid}`)) {
      warnings.push({ at: null, message: `no [Strings.${lcid}] section; default strings used` });
    }
  }

  return table;
}

/**
 * Replaces `%name%` with its string and `%%` with `%`; unknown names stay and warn once.
 * String values are not substituted again: Windows does not nest them.
 */
export function createSubstitute(table: StringTable, warnings: PendingWarning[]): Substitute {
  const reported = new Set<string>();

  return (value, at) => {
    if (!value.includes('%')) return value;

    let out = '';
    let pos = 0;

    for (;;) {
      const open = value.indexOf('%', pos);
      const close = open < 0 ? -1 : value.indexOf('%', open + 1);

      if (close < 0) break;

      const name = value.slice(open + 1, close);
      const found = table.get(name.toLowerCase());

      out += value.slice(pos, open);

      if (name === '') out += '%';
      else if (found !== undefined) out += found;
      else out += value.slice(open, close + 1);

      if (name !== '' && found === undefined && !DIRID.test(name) && !reported.has(name)) {
        reported.add(name);
        warnings.push({ at, message: `%${name}% is not defined in [Strings]; kept as written` });
      }

      pos = close + 1;
    }

    return out + value.slice(pos);
  };
}
