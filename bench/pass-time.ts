// Timing for the INF benchmarks: repeated passes over a set of inputs, as wall-clock and CPU
// milliseconds per pass.

/** Rounds per measurement; the median one is kept. */
export const ROUNDS = 7;
const MIN_ROUND_MS = 300;

export interface PassTime {
  /** Wall-clock milliseconds per pass. */
  readonly wall: number;
  /** CPU milliseconds per pass, which other work on a shared machine disturbs less. */
  readonly cpu: number;
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/**
 * Repeats passes over the inputs until a round lasts long enough to time, and keeps the
 * median round, so one slow round on a shared machine does not decide the result.
 */
export function timePerPass<T>(inputs: readonly T[], work: (input: T) => unknown): PassTime {
  const wall: number[] = [];
  const cpu: number[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    let passes = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();

    do {
      for (const input of inputs) work(input);
      passes++;
    } while (performance.now() - started < MIN_ROUND_MS);

    const used = process.cpuUsage(cpuStarted);

    wall.push((performance.now() - started) / passes);
    cpu.push((used.user + used.system) / 1000 / passes);
  }

  return { wall: median(wall), cpu: median(cpu) };
}
