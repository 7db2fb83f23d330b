// INF reading throughput over the shared corpus, against the time it takes merely to decode
// the same bytes to text: the reader's target is at most three times that.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInf } from '../src/inf/index.js';
import { decodeInfBytes } from '../src/inf/decode-inf-bytes.js';
import { corpusPath, corpusSkipReason } from '../test/support/corpus.js';
import type { Benchmark } from './run.js';

const ROUNDS = 7;
const MIN_ROUND_MS = 300;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16 = new TextDecoder('utf-16le');
const windows1252 = new TextDecoder('windows-1252');

// The cheapest correct decoding: BOM check, strict UTF-8, Windows-1252 when that fails.
function decodeOnly(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16.decode(bytes.subarray(2));

  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

interface PassTime {
  /** Wall-clock milliseconds per corpus pass. */
  readonly wall: number;
  /** CPU milliseconds per corpus pass, which other work on a shared machine disturbs less. */
  readonly cpu: number;
}

function median(values: number[]): number {
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

// Repeats passes over the corpus until a round lasts long enough to time, and keeps the
// median round, so one slow round on a shared machine does not decide the result.
function timePerPass(files: readonly Uint8Array[], work: (bytes: Uint8Array) => unknown): PassTime {
  const wall: number[] = [];
  const cpu: number[] = [];

  for (let round = 0; round < ROUNDS; round++) {
    let passes = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();

    do {
      for (const bytes of files) work(bytes);
      passes++;
    } while (performance.now() - started < MIN_ROUND_MS);

    const used = process.cpuUsage(cpuStarted);

    wall.push((performance.now() - started) / passes);
    cpu.push((used.user + used.system) / 1000 / passes);
  }

  return { wall: median(wall), cpu: median(cpu) };
}

export const benchmark: Benchmark = {
  name: 'INF reading',
  async run() {
    const dir = corpusPath('inf');

    if (dir === null) return { markdown: null, skipped: corpusSkipReason };

    const files = readdirSync(dir)
      .filter((name) => name !== 'SOURCES.tsv')
      .map((name) => readFileSync(join(dir, name)));
    const bytes = files.reduce((sum, file) => sum + file.length, 0);

    timePerPass(files, (file) => readInf(file, { arch: 'amd64' }));

    const decode = timePerPass(files, decodeOnly);
    const checked = timePerPass(files, decodeInfBytes);
    const read = timePerPass(files, (file) => readInf(file, { arch: 'amd64' }));
    const row = (what: string, time: PassTime) =>
      `| ${what} | ${time.wall.toFixed(3)} | ${time.cpu.toFixed(3)} | ` +
      `${Math.round((files.length * 1000) / time.wall)} | ` +
      `${((bytes / 1e6) * (1000 / time.wall)).toFixed(1)} |`;
    const ratio = (time: PassTime, key: keyof PassTime) => (time[key] / decode[key]).toFixed(1);

    return {
      markdown: [
        `${files.length} corpus files, ${(bytes / 1e6).toFixed(2)} MB, median of ${ROUNDS} rounds.`,
        '',
        '| work | ms per corpus pass | CPU ms per pass | files/s | MB/s |',
        '|---|---:|---:|---:|---:|',
        row('decode bytes to text only', decode),
        row("readInf's decoding step (adds encoding and binary checks)", checked),
        row('readInf (arch amd64)', read),
        '',
        `readInf / decode ratio: **${ratio(read, 'wall')}x** wall, ${ratio(read, 'cpu')}x CPU ` +
          `(target: at most 3x); its decoding step alone: ${ratio(checked, 'wall')}x`,
        '',
      ].join('\n'),
    };
  },
};
