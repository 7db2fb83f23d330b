// The passes of bench/simd-scan.wat as workloads: each copies a file's bytes into WebAssembly
// memory and scans them there, the way a reader compiled to WebAssembly would start.
import { readFileSync } from 'node:fs';
import wabt from 'wabt';

const WAT = new URL('./simd-scan.wat', import.meta.url);
const PAGE = 65_536;
const POSITION_BYTES = 4;

// TypeScript's ES libraries leave WebAssembly to the DOM library; this is the part used here.
declare const WebAssembly: {
  instantiate(binary: Uint8Array): Promise<{ instance: { exports: unknown } }>;
};

interface ScanExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  countBrackets(length: number): number;
  listLineEnds(length: number, output: number): number;
}

export interface SimdScans {
  /** Copies the bytes in and counts their `[`: one SIMD compare per 16 bytes. */
  countBrackets(bytes: Uint8Array): number;
  /** Copies the bytes in and writes the offset of every line feed and `[` after them. */
  listLineEnds(bytes: Uint8Array): number;
}

function outputOffset(length: number): number {
  return Math.ceil(length / POSITION_BYTES) * POSITION_BYTES;
}

/** Compiles the passes with room for the largest of `inputs` and its offsets. */
export async function compileSimdScans(inputs: readonly Uint8Array[]): Promise<SimdScans> {
  const tools = await wabt();
  const parsed = tools.parseWat('simd-scan.wat', readFileSync(WAT, 'utf8'), { simd: true });
  const { buffer } = parsed.toBinary({});

  parsed.destroy();

  const { instance } = await WebAssembly.instantiate(buffer);
  const scans = instance.exports as unknown as ScanExports;
  const largest = Math.max(0, ...inputs.map((input) => input.length));
  const needed = outputOffset(largest) + (largest + 1) * POSITION_BYTES;
  const memory = scans.memory;

  if (needed > memory.buffer.byteLength) {
    memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
  }

  const bytesIn = new Uint8Array(memory.buffer);

  return {
    countBrackets(bytes) {
      bytesIn.set(bytes);

      return scans.countBrackets(bytes.length);
    },
    listLineEnds(bytes) {
      bytesIn.set(bytes);

      return scans.listLineEnds(bytes.length, outputOffset(bytes.length));
    },
  };
}
