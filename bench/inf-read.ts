// INF reading throughput over the shared corpus and over large generated INFs, each against
// the time it takes merely to decode the same bytes to text.
import { deepStrictEqual } from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InfDocument } from '../src/inf/index.js';
import { readInf } from '../src/inf/index.js';
import { decodeInfBytes } from '../src/inf/decode-inf-bytes.js';
import { corpusPath, corpusSkipReason } from '../test/support/corpus.js';
import type { RelativeTime } from './pass-time.js';
import type { BuildPlan } from './least-work.js';
import type { Benchmark } from './run.js';
import { decodeOnly } from './decode-only.js';
import { buildFromPlan, leastParsing, planBuilding } from './least-work.js';
import { generatedInf } from './generated-inf.js';
import { compileSimdScans } from './simd-scan.js';
import { ROUNDS, timePerPass, timeRelative, workload } from './pass-time.js';

const GENERATED_MODELS = [1000, 8000, 32000];
const LINE_FEED = 10;
const BRACKET = 91;

function read(bytes: Uint8Array): InfDocument {
  return readInf(bytes, { arch: 'amd64' });
}

function sizeOf(files: readonly Uint8Array[]): number {
  return files.reduce((sum, file) => sum + file.length, 0);
}

// Readings taken apart for the least-building workload, each checked to build again equal to
// readInf's; a file readInf refuses has none.
function plansOf(files: readonly Uint8Array[]): BuildPlan[] {
  return files.flatMap((file) => {
    let reading: InfDocument;

    try {
      reading = read(file);
    } catch {
      return [];
    }

    const plan = planBuilding(file, reading);

    deepStrictEqual(buildFromPlan(plan), reading);

    return [plan];
  });
}

function countOf(bytes: Uint8Array, wanted: readonly number[]): number {
  return bytes.reduce((count, byte) => count + (wanted.includes(byte) ? 1 : 0), 0);
}

async function corpusTable(files: readonly Uint8Array[]): Promise<string[]> {
  const bytes = sizeOf(files);
  const simd = await compileSimdScans(files);

  for (const file of files) {
    deepStrictEqual(simd.countBrackets(file), countOf(file, [BRACKET]));
    deepStrictEqual(simd.listLineEnds(file), countOf(file, [BRACKET, LINE_FEED]));
  }
  timePerPass(files, read);

  const [decode, checked, parsing, building, brackets, lineEnds, reading] = timeRelative([
    workload(files, decodeOnly),
    workload(files, decodeInfBytes),
    workload(files, leastParsing),
    workload(plansOf(files), buildFromPlan),
    workload(files, simd.countBrackets),
    workload(files, simd.listLineEnds),
    workload(files, read),
  ]) as [
    RelativeTime,
    RelativeTime,
    RelativeTime,
    RelativeTime,
    RelativeTime,
    RelativeTime,
    RelativeTime,
  ];
  const row = (what: string, time: RelativeTime) =>
    `| ${what} | ${time.wall.toFixed(3)} | ${time.cpu.toFixed(3)} | ` +
    `${time.ratio.wall.toFixed(1)}x | ${Math.round((files.length * 1000) / time.wall)} | ` +
    `${((bytes / 1e6) * (1000 / time.wall)).toFixed(1)} |`;
  const leastWork = parsing.ratio.wall + building.ratio.wall - 1;

  return [
    `${files.length} corpus files, ${(bytes / 1e6).toFixed(2)} MB, ${ROUNDS} interleaved rounds; ` +
      'times and ratios to decoding are medians over the rounds.',
    '',
    '| work | ms per corpus pass | CPU ms per pass | x decode | files/s | MB/s |',
    '|---|---:|---:|---:|---:|---:|',
    row('decode bytes to text only', decode),
    row("readInf's decoding step (adds encoding and binary checks)", checked),
    row('least parsing: decode, find headers, cut [Version] and [Manufacturer] lines', parsing),
    row('least building: decode, build the readings from offsets found in advance', building),
    row('WebAssembly SIMD: copy the bytes in, count every `[`', brackets),
    row('WebAssembly SIMD: copy the bytes in, list every line feed and `[`', lineEnds),
    row('readInf (arch amd64)', reading),
    '',
    `readInf / decode ratio: **${reading.ratio.wall.toFixed(1)}x** wall, ` +
      `${reading.ratio.cpu.toFixed(1)}x CPU (target: at most 3x).`,
    '',
    'The two least-work rows (`bench/least-work.ts`) are parts of reading that no reader skips, ' +
      `each timed with its decoding. Together, decoding counted once, they take ` +
      `**${leastWork.toFixed(1)}x**, and readInf takes ` +
      `${(reading.ratio.wall / leastWork).toFixed(1)} times as long as they do.`,
    '',
    'The WebAssembly rows (`bench/simd-scan.wat`) are what a reader compiled to WebAssembly ' +
      'pays before it parses anything, decoding aside: one pass over every byte with 16-byte ' +
      'SIMD compares, counting the `[` of the headers, or listing the offsets of the line ' +
      'ends and headers that a reader cuts the text at. Decoding, that listing and least ' +
      `building together take **${(lineEnds.ratio.wall + building.ratio.wall).toFixed(1)}x**.`,
    '',
  ];
}

function generatedTable(): string[] {
  const rows = GENERATED_MODELS.map((models) => {
    const inf = generatedInf(models);
    const [decode, reading] = timeRelative([
      workload([inf], decodeOnly),
      workload([inf], read),
    ]) as [RelativeTime, RelativeTime];

    return (
      `| ${models * 2} | ${(inf.length / 1e6).toFixed(2)} | ${decode.wall.toFixed(2)} | ` +
      `${reading.wall.toFixed(2)} | ${reading.ratio.wall.toFixed(1)}x | ` +
      `${(inf.length / 1e3 / reading.wall).toFixed(1)} |`
    );
  });

  return [
    'Generated OEM-style INFs (`bench/generated-inf.ts`): two architectures of models, an ' +
      'install section for every four models, a string per model.',
    '',
    '| model lines | MB | decode ms | readInf ms | ratio | MB/s |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
}

export const benchmark: Benchmark = {
  name: 'INF reading',
  async run() {
    const dir = corpusPath('inf');
    const corpus =
      dir === null
        ? [`Corpus skipped: ${corpusSkipReason}.`, '']
        : await corpusTable(
            readdirSync(dir)
              .filter((name) => name !== 'SOURCES.tsv')
              .map((name) => readFileSync(join(dir, name))),
          );

    return { markdown: [...corpus, ...generatedTable()].join('\n') };
  },
};
