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

interface Placed {
  /** Position of the warning in the pending list. */
  readonly index: number;
  readonly at: number;
}

const NEWLINE = '\n';

function placedByOffset(pending: readonly PendingWarning[]): Placed[] {
  const placed: Placed[] = [];

  pending.forEach(({ at }, index) => {
    if (at !== null) placed.push({ index, at });
  });

  return placed.sort((a, b) => a.at - b.at);
}

/** Gives each warning its 1-based line, counting line ends once up to the last offset. */
export function withLineNumbers(text: string, pending: readonly PendingWarning[]): InfWarning[] {
  const warnings = pending.map(({ message }) => ({ line: null as number | null, message }));
  const placed = placedByOffset(pending);
  let line = 1;
  let next = placed.length > 0 ? text.indexOf(NEWLINE) : -1;

  // One native search per line end, none past the last offset: a loop over the characters
  // or a split costs more per line.
  for (const { index, at } of placed) {
    while (next >= 0 && next < at) {
      line++;
      next = text.indexOf(NEWLINE, next + 1);
    }
    const warning = warnings[index];

    if (warning) warning.line = line;
  }

  return warnings;
}
