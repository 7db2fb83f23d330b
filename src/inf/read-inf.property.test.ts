import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InfReadError } from './inf-read-error.js';
import { readInf } from './read-inf.js';

const encoder = new TextEncoder();

const FRAGMENTS = [
  '[Version]',
  '[Manufacturer]',
  '[Strings]',
  '[Strings.0407]',
  '[Models.NTamd64.10.0...16299]',
  '[Inst.NT]',
  'Signature="$Windows NT$"',
  'DriverVer=',
  '01/02/2020',
  '1.2.3.4',
  'FeatureScore=0xF8',
  'CatalogFile.NTamd64=',
  '%Mfg%',
  '%%',
  '%',
  '=',
  ',',
  '"',
  '""',
  ';',
  '\\',
  '[',
  ']',
  '$ARCH$',
  '#TOKEN#',
  '@TOKEN@',
  'NT',
  'NTamd64',
  '...',
  'Models',
  'Inst',
  'PCI\\VEN_1234&DEV_5678',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\0',
];

const infLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

function readOrInfReadError(bytes: Uint8Array, options?: Parameters<typeof readInf>[1]) {
  try {
    return readInf(bytes, options);
  } catch (error) {
    if (error instanceof InfReadError) return 'InfReadError';
    throw error;
  }
}

test('random bytes never throw anything but InfReadError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      readOrInfReadError(bytes);
    }),
    { numRuns: 400 },
  );
});

test('random INF-like text is read without throwing, the same way every time', () => {
  fc.assert(
    fc.property(infLike, fc.constantFrom(undefined, 'amd64' as const), (text, arch) => {
      const bytes = encoder.encode(text);
      const first = readOrInfReadError(bytes, { arch, locale: '0407' });
      const second = readOrInfReadError(bytes, { arch, locale: '0407' });

      assert.deepEqual(first, second);
    }),
    { numRuns: 400 },
  );
});

test('long runs of the characters the reader scans for are read in linear time', () => {
  const started = performance.now();

  const units = [
    '"',
    '%',
    '$a',
    '#a',
    ';',
    '\\\n',
    '[',
    '=',
    ',',
    'NT.',
    'a\n',
    '; #a#',
    'DevLoader;',
  ];

  for (const unit of units) {
    const text = `[Version]\nSignature="$Windows NT$"\n[Manufacturer]\nM=${unit.repeat(50_000)}\n`;

    readOrInfReadError(encoder.encode(text));
  }

  assert.ok(performance.now() - started < 2000, 'reading pathological input took too long');
});
