import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphError } from '../graph/errors.js';
import { checkBodyEncoding } from './body-encoding.js';

function refusal(headers: Record<string, string>): string | null {
  try {
    checkBodyEncoding(headers);

    return null;
  } catch (error) {
    assert.ok(error instanceof GraphError);
    assert.equal(error.status, 415);

    return error.message;
  }
}

describe('checkBodyEncoding', () => {
  test('plain bodies and UTF-8 JSON pass, however the charset is written', () => {
    assert.equal(refusal({}), null);
    assert.equal(refusal({ 'content-type': 'application/json' }), null);
    assert.equal(refusal({ 'content-type': 'application/json; charset=UTF-8' }), null);
    assert.equal(refusal({ 'content-type': 'application/json;charset="utf-8"' }), null);
    assert.equal(refusal({ 'content-type': 'application/json; odata.metadata=minimal' }), null);
    assert.equal(refusal({ 'content-encoding': 'identity' }), null);
  });

  test('a compressed body is refused, whatever its type', () => {
    assert.match(refusal({ 'content-encoding': 'gzip' }) ?? '', /encoding 'gzip' is not supported/);
    assert.match(
      refusal({ 'content-encoding': 'br', 'content-type': 'application/zip' }) ?? '',
      /'br'/,
    );
  });

  test('JSON in another charset is refused; other types keep their charset', () => {
    assert.match(
      refusal({ 'content-type': 'application/json; charset=utf-16' }) ?? '',
      /charset 'utf-16' is not supported/,
    );
    assert.equal(refusal({ 'content-type': 'text/plain; charset=latin1' }), null);
  });

  test('what the client wrote is quoted printable and short', () => {
    const message = refusal({ 'content-encoding': `x\u0001${'y'.repeat(100)}` }) ?? '';

    assert.match(message, /'x\?y{38}\.\.\.'/);
  });
});
