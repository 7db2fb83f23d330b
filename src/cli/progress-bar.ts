// A one-line progress bar for long imports. It draws only on a terminal, so logs and pipes get
// the final report and nothing else.
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  /** Clears the line so what is printed next starts clean. */
  finish(): void;
}

const BAR_WIDTH = 24;
// Redrawing on every file would cost more than small files take to import.
const MIN_INTERVAL_MS = 80;

export function createProgressBar(
  stream: ProgressStream,
  now: () => number = Date.now,
): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };

  let drawnAt = -Infinity;
  let drawn = false;

  return {
    update(done, total, label) {
      const time = now();

      if (done < total && time - drawnAt < MIN_INTERVAL_MS) return;
      drawnAt = time;
      drawn = true;
      stream.write(`\r\u001b[2K${progressLine(done, total, label, stream.columns || 80)}`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** `[#####-----]  12/140  path`, cut to the terminal's width. */
export function progressLine(done: number, total: number, label: string, columns: number): string {
  const share = total === 0 ? 1 : Math.min(done / total, 1);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  const line = `${bar} ${count} ${label}`;

  return line.length < columns ? line : `${line.slice(0, Math.max(columns - 4, 0))}...`;
}
