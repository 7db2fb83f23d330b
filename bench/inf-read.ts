// INF reading throughput over the shared corpus and over large generated INFs, each against
// the time it takes merely to decode the same bytes to text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInf } from '../src/inf/index.js';
import { decodeInfBytes } from '../src/inf/decode-inf-bytes.js';
import { corpusPath, corpusSkipReason } from '../test/support/corpus.js';
import type { PassTime } from './pass-time.js';
import type { Benchmark } from './run.js';
import { decodeOnly } from './decode-only.js';
import { generatedInf } from './generated-inf.js';
import { ROUNDS, timePerPass } from './pass-time.js';

const GENERATED_MODELS = [1000, 8000];

function read(bytes: Uint8Array): unknown {
  return readInf(bytes, { arch: 'amd64' });
}

// Every reading as JSON bytes, for timing a native parser that builds the same objects.
function jsonOfReadings(files: readonly Uint8Array[]): Uint8Array[] {
  const encoder = new TextEncoder();

  return files.flatMap((file) => {
    try {
      return [encoder.encode(JSON.stringify(read(file)))];
    } catch {
      return [];
    }
  });
}

function sizeOf(files: readonly Uint8Array[]): number {
  return files.reduce((sum, file) => sum + file.length, 0);
}

function corpusTable(files: readonly Uint8Array[]): string[] {
  const bytes = sizeOf(files);

  timePerPass(files, read);

  const decode = timePerPass(files, decodeOnly);
  const checked = timePerPass(files, decodeInfBytes);
  const reading = timePerPass(files, read);
  const json = jsonOfReadings(files);
  const jsonDecode = timePerPass(json, decodeOnly);
  const jsonParse = timePerPass(json, (document) => JSON.parse(decodeOnly(document)));
  const row = (what: string, time: PassTime) =>
    `| ${what} | ${time.wall.toFixed(3)} | ${time.cpu.toFixed(3)} | ` +
    `${Math.round((files.length * 1000) / time.wall)} | ` +
    `${((bytes / 1e6) * (1000 / time.wall)).toFixed(1)} |`;
  const ratio = (time: PassTime, key: keyof PassTime) => (time[key] / decode[key]).toFixed(1);

  return [
    `${files.length} corpus files, ${(bytes / 1e6).toFixed(2)} MB, median of ${ROUNDS} rounds.`,
    '',
    '| work | ms per corpus pass | CPU ms per pass | files/s | MB/s |',
    '|---|---:|---:|---:|---:|',
    row('decode bytes to text only', decode),
    row("readInf's decoding step (adds encoding and binary checks)", checked),
    row('readInf (arch amd64)', reading),
    '',
    `readInf / decode ratio: **${ratio(reading, 'wall')}x** wall, ${ratio(reading, 'cpu')}x CPU ` +
      `(target: at most 3x); its decoding step alone: ${ratio(checked, 'wall')}x`,
    '',
    `A native reference from the same run: V8's own JSON.parse, given the readings above as ` +
      `JSON (${(sizeOf(json) / 1e6).toFixed(2)} MB), takes ${jsonParse.wall.toFixed(3)} ms, ` +
      `${(jsonParse.wall / jsonDecode.wall).toFixed(1)}x the time of decoding its own bytes and ` +
      `${ratio(jsonParse, 'wall')}x the time of decoding the INF files.`,
    '',
  ];
}

function generatedTable(): string[] {
  const rows = GENERATED_MODELS.map((models) => {
    const inf = generatedInf(models);
    const decode = timePerPass([inf], decodeOnly);
    const reading = timePerPass([inf], read);

    return (
      `| ${models * 2} | ${(inf.length / 1e6).toFixed(2)} | ${decode.wall.toFixed(2)} | ` +
      `${reading.wall.toFixed(2)} | ${(reading.wall / decode.wall).toFixed(1)}x | ` +
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
        : corpusTable(
            readdirSync(dir)
              .filter((name) => name !== 'SOURCES.tsv')
              .map((name) => readFileSync(join(dir, name))),
          );

    return { markdown: [...corpus, ...generatedTable()].join('\n') };
  },
};
