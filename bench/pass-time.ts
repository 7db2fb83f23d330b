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

/** A pass time beside its ratio to the baseline's, both the medians of interleaved rounds. */
export interface RelativeTime extends PassTime {
  readonly ratio: PassTime;
}

/** Work to time: a function applied to each input in turn, once per pass. */
export interface Workload {
  readonly inputs: readonly unknown[];
  readonly work: (input: never) => unknown;
}

/** A workload whose function accepts its inputs, checked where it is made. */
export function workload<T>(inputs: readonly T[], work: (input: T) => unknown): Workload {
  return { inputs, work };
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

// Passes over the inputs until the round lasts long enough to time.
function timeRound({ inputs, work }: Workload): PassTime {
  const run = work as (input: unknown) => unknown;
  let passes = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();

  do {
    for (const input of inputs) run(input);
    passes++;
  } while (performance.now() - started < MIN_ROUND_MS);

  const used = process.cpuUsage(cpuStarted);

  return {
    wall: (performance.now() - started) / passes,
    cpu: (used.user + used.system) / 1000 / passes,
  };
}

function medianTime(times: readonly PassTime[]): PassTime {
  return { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) };
}

/**
 * Repeats passes over the inputs until a round lasts long enough to time, and keeps the
 * median round, so one slow round on a shared machine does not decide the result.
 */
export function timePerPass<T>(inputs: readonly T[], work: (input: T) => unknown): PassTime {
  const rounds: PassTime[] = [];

  for (let round = 0; round < ROUNDS; round++) rounds.push(timeRound(workload(inputs, work)));

  return medianTime(rounds);
}

/**
 * Times the workloads in interleaved rounds, each round timing every workload once, and gives
 * each its median time and the median of its ratios to the first workload within a round. A
 * ratio so taken compares times measured moments apart, while the machine's load drifts.
 */
export function timeRelative(workloads: readonly Workload[]): RelativeTime[] {
  const rounds = workloads.map((): PassTime[] => []);

  for (let round = 0; round < ROUNDS; round++) {
    workloads.forEach((load, i) => rounds[i]?.push(timeRound(load)));
  }

  const baseline = rounds[0] ?? [];

  return rounds.map((times) => {
    const ratios = times.map((time, round) => ({
      wall: time.wall / (baseline[round] as PassTime).wall,
      cpu: time.cpu / (baseline[round] as PassTime).cpu,
    }));

    return { ...medianTime(times), ratio: medianTime(ratios) };
  });
}
