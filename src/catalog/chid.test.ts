import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseChid } from './chid.js';

describe('normaliseChid', () => {
  test('keeps a braced GUID in lower case', () => {
    assert.equal(
      normaliseChid('{3F6E1B2C-0A1B-4C2D-8E3F-112233445566}'),
      '{3f6e1b2c-0a1b-4c2d-8e3f-112233445566}',
    );
  });

  test('adds the braces a bare GUID lacks', () => {
    assert.equal(
      normaliseChid('3f6e1b2c-0a1b-4c2d-8e3f-112233445566'),
      '{3f6e1b2c-0a1b-4c2d-8e3f-112233445566}',
    );
  });

  test('refuses text that is not a GUID or has one brace only', () => {
    assert.equal(normaliseChid('{3f6e1b2c-0a1b-4c2d-8e3f-112233445566'), null);
    assert.equal(normaliseChid('not-a-guid'), null);
    assert.equal(normaliseChid(''), null);
  });
});
