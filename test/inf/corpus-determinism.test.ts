import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InfDocument } from '../../src/inf/index.js';
import { readInf } from '../../src/inf/index.js';
import { corpusPath, corpusSkipReason } from '../support/corpus.js';

const dir = corpusPath('inf');
const skip = dir === null ? corpusSkipReason : false;

function readAll(files: readonly Uint8Array[], arch: 'amd64' | undefined): InfDocument[] {
  return files.map((bytes) => readInf(Uint8Array.from(bytes), { arch }));
}

describe('reading the corpus is deterministic', { skip }, () => {
  test('every file reads the same in any order, and each warning is on a line of the file', () => {
    const names = readdirSync(dir!).filter((file) => file !== 'SOURCES.tsv');
    const files = names.map((file) => readFileSync(join(dir!, file)));

    for (const arch of [undefined, 'amd64'] as const) {
      const forward = readAll(files, arch);
      const backward = readAll([...files].reverse(), arch).reverse();

      assert.deepEqual(backward, forward);
      forward.forEach((inf, i) => {
        const lines = new TextDecoder(inf.encoding.replace('windows-1252', 'latin1'))
          .decode(files[i])
          .split('\n').length;
        const numbered = inf.warnings.map((warning) => warning.line ?? 0);

        assert.deepEqual(
          numbered,
          [...numbered].sort((a, b) => a - b),
          names[i],
        );
        assert.ok(
          numbered.every((line) => line <= lines),
          names[i],
        );
      });
    }
  });
});
