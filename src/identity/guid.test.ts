import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isGuid, nameBasedGuid } from './guid.js';

describe('isGuid', () => {
  test('accepts GUIDs in either case and nothing else', () => {
    assert.ok(isGuid('6f1c0f4e-6d33-4f22-9d2a-1a7f3a0b5a11'));
    assert.ok(isGuid('6F1C0F4E-6D33-4F22-9D2A-1A7F3A0B5A11'));
    assert.ok(!isGuid('{6f1c0f4e-6d33-4f22-9d2a-1a7f3a0b5a11}'));
    assert.ok(!isGuid('6f1c0f4e6d334f229d2a1a7f3a0b5a11'));
    assert.ok(!isGuid('contoso.onmicrosoft.com'));
    assert.ok(!isGuid(42));
  });
});

describe('nameBasedGuid', () => {
  test('computes RFC 4122 version 5 GUIDs', () => {
    const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

    assert.equal(
      nameBasedGuid(dnsNamespace, 'www.example.com'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
