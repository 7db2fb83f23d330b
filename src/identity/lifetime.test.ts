import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_TOKEN_LIFETIME_SECONDS, parseLifetime } from './lifetime.js';
import { TokenRequestError } from './token-request-error.js';

describe('parseLifetime', () => {
  test('reads hours, minutes, seconds and bare seconds', () => {
    assert.equal(parseLifetime('1h'), 3600);
    assert.equal(parseLifetime('30m'), 1800);
    assert.equal(parseLifetime('90s'), 90);
    assert.equal(parseLifetime('3600'), 3600);
    assert.equal(parseLifetime('24h'), MAX_TOKEN_LIFETIME_SECONDS);
  });

  test('refuses lifetimes longer than a day, saying what the maximum is', () => {
    assert.throws(() => parseLifetime('25h'), /longer than the maximum of 24h/);
    assert.throws(() => parseLifetime('86401'), TokenRequestError);
  });

  test('refuses zero, negatives, fractions and unknown units with an example', () => {
    for (const text of ['0', '0m', '-5m', '1.5h', '2d', 'h', '', 'soon']) {
      assert.throws(() => parseLifetime(text), /(for example 90s, 30m, 1h|positive whole)/, text);
    }
  });
});
