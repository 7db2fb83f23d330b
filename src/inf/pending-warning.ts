import type { InfWarning } from './types.js';

/**
 * A warning placed by its offset in the text. Readers skip most of an INF, so line numbers are
 * worked out only for the few offsets that end up in warnings.
 */
export interface PendingWarning {
  /** Offset of any character on the line concerned, or null for the whole file. */
  readonly at: number | null;
  readonly message: string;
}

const NEWLINE = '\n';

/** Gives each warning its 1-based line, counting line ends once up to the last offset. */
export function withLineNumbers(text: string, pending: readonly PendingWarning[]): InfWarning[] {
  const offsets = [...new Set(pending.map((warning) => warning.at ?? -1))].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  let line = 1;
  let next = text.indexOf(NEWLINE);

  for (const offset of offsets) {
    while (next >= 0 && next < offset) {
      line++;
      next = text.indexOf(NEWLINE, next + 1);
    }

    lines.set(offset, line);
  }

  return pending.map(({ at, message }) => ({
    line: at === null ? null : (lines.get(at) as number),
    message,
  }));
}
