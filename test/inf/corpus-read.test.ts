import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InfReadError, readInf } from '../../src/inf/index.js';
import { corpusPath, corpusSkipReason } from '../support/corpus.js';
import { checkedByHand } from './corpus-expectations.js';

const dir = corpusPath('inf');
const skip = dir === null ? corpusSkipReason : false;

function corpusFile(fragment: string): string {
  const name = readdirSync(dir!).find((file) => file.includes(fragment));

  assert.ok(name, `no corpus file matches ${fragment}`);

  return join(dir!, name);
}

describe('reading the shared INF corpus', { skip }, () => {
  test('every corpus file is read without an exception, with or without stamping', () => {
    const files = readdirSync(dir!).filter((file) => file !== 'SOURCES.tsv');

    assert.ok(files.length >= 100);
    for (const file of files) {
      const bytes = readFileSync(join(dir!, file));

      for (const arch of [undefined, 'amd64', 'arm64'] as const) {
        try {
          const inf = readInf(bytes, { arch });

          assert.ok(Array.isArray(inf.models), file);
        } catch (error) {
          assert.fail(
            `${file} (${arch}): ${error instanceof InfReadError ? 'InfReadError' : ''} ${error}`,
          );
        }
      }
    }
  });

  for (const expected of checkedByHand) {
    test(`${expected.file} reads as checked by hand`, () => {
      const inf = readInf(readFileSync(corpusFile(expected.file)), { arch: expected.arch });
      const sections = [...new Set(inf.models.map((model) => model.section))];
      const hardwareIds = inf.models.map((model) => model.hardwareId);

      assert.equal(inf.kind, expected.kind ?? 'driver');
      assert.equal(inf.class, expected.class);
      assert.equal(inf.provider, expected.provider);
      assert.deepEqual(inf.driverVer, { date: expected.date, version: expected.version });
      assert.deepEqual(sections, expected.sections);
      for (const id of expected.hardwareIds) assert.ok(hardwareIds.includes(id), id);
      if (expected.deployable !== undefined) assert.equal(inf.deployable, expected.deployable);
    });
  }

  test('the Polish strings of a localized INF are chosen by locale', () => {
    const bytes = readFileSync(corpusFile('hdaudbus'));
    const neutral = readInf(bytes);
    const polish = readInf(bytes, { locale: '0415' });

    assert.equal(neutral.models[0]?.description, 'High Definition Audio Controller');
    assert.equal(polish.models[0]?.description, 'Kontroler High Definition Audio');
  });

  test('UTF-16LE corpus files are recognised by their byte order mark', () => {
    const inf = readInf(readFileSync(corpusFile('imxnetmini')));

    assert.equal(inf.encoding, 'utf-16le');
  });

  test('a Windows 9x VxD INF and an AutoRun file are told apart from drivers', () => {
    assert.equal(readInf(readFileSync(corpusFile('Neo9x_x86'))).kind, 'windows9x');
    assert.equal(readInf(readFileSync(corpusFile('toastpkg__inf__autorun'))).kind, 'autorun');
    assert.equal(readInf(readFileSync(corpusFile('Neo6_x86_VPN'))).kind, 'driver');
  });

  test('a FeatureScore in the install section reaches the models', () => {
    const inf = readInf(readFileSync(corpusFile('viogpudo')), { arch: 'amd64' });

    assert.equal(inf.models[0]?.featureScore, 0xf9);
  });
});
