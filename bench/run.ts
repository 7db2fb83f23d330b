// Runs each benchmark module in turn and prints its results as Markdown.
// Add a benchmark by appending its module to `benchmarks`.
import { availableParallelism, cpus } from 'node:os';

export interface BenchmarkResult {
  /** Markdown for the results, or null when the benchmark skipped itself. */
  readonly markdown: string | null;
  readonly skipped?: string;
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<BenchmarkResult>;
}

const benchmarks: readonly (() => Promise<{ benchmark: Benchmark }>)[] = [
  () => import('./inf-read.js'),
  () => import('./sync.js'),
  () => import('./sync-postgres.js'),
];

const filter = process.argv[2];

console.log(`# drivergraph benchmarks\n`);
const cpu = cpus()[0]?.model ?? 'unknown CPU';

console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu})\n`);

for (const load of benchmarks) {
  const { benchmark } = await load();

  if (filter && !benchmark.name.toLowerCase().includes(filter.toLowerCase())) continue;

  const result = await benchmark.run();

  console.log(`## ${benchmark.name}\n`);
  console.log(result.markdown ?? `Skipped: ${result.skipped ?? 'no reason given'}\n`);
}
