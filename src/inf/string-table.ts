import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import { readEntries } from './read-entries.js';

/** Substitutes `%name%` tokens in a value read at offset `at` (for warnings). */
export type Substitute = (value: string, at: number) => string;

const NEUTRAL_FALLBACK_LCID = '0409';
const DIRID = /^-?\d+$/;

/** `0407`, `407` and `0x0407` all name the LCID of [Strings.0407]. */
export function normaliseLocale(locale: string): string {
  const hex = locale.trim().toLowerCase().replace(/^0x/, '');

  return hex.padStart(4, '0');
}

function addStrings(
  index: SectionIndex,
  name: string,
  table: Map<string, string>,
  warnings: PendingWarning[],
): boolean {
  const section = index.get(name);

  if (!section) return false;

  for (const entry of readEntries(index.text, section, { splitFields: false }, warnings)) {
    if (entry.key === null || entry.key === '') {
      warnings.push({ at: entry.at, message: `[${section.name}] line has no string name` });
    } else {
      table.set(entry.key.toLowerCase(), (entry.fields[0] ?? '').replaceAll('%%', '%'));
    }
  }

  return true;
}

/**
 * The strings `%token%` resolves to: the requested locale's [Strings.LCID] first, then the
 * neutral [Strings], then [Strings.0409], which is what Windows falls back to.
 */
export function buildStringTable(
  index: SectionIndex,
  locale: string | undefined,
  warnings: PendingWarning[],
): ReadonlyMap<string, string> {
  const table = new Map<string, string>();

  addStrings(index, `strings.${NEUTRAL_FALLBACK_LCID}`, table, warnings);
  addStrings(index, 'strings', table, warnings);

  if (locale !== undefined) {
    const lcid = normaliseLocale(locale);

    if (!addStrings(index, `strings.${lcid}`, table, warnings)) {
      warnings.push({ at: null, message: `no [Strings.${lcid}] section; default strings used` });
    }
  }

  return table;
}

/**
 * Replaces `%name%` with its string and `%%` with `%`; unknown names stay and warn once.
 * String values are not substituted again: Windows does not nest them.
 */
export function createSubstitute(
  table: ReadonlyMap<string, string>,
  warnings: PendingWarning[],
): Substitute {
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
