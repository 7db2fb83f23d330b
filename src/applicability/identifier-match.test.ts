import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deviceIdLookup, matchIdentifier } from './identifier-match.js';

// The device of Microsoft's driver rank example: two hardware IDs and two compatible IDs.
const lookup = deviceIdLookup({
  hardwareIds: ['HwID_1', 'HwID_2'],
  compatibleIds: ['CID_1', 'CID_2'],
});

describe('identifier score', () => {
  const cases = [
    { id: 'HWID_1', kind: 'hardware', position: 0, expected: 0x0000 },
    { id: 'HWID_2', kind: 'hardware', position: 0, expected: 0x0001 },
    { id: 'HWID_1', kind: 'compatible', position: 0, expected: 0x1000 },
    { id: 'HWID_2', kind: 'compatible', position: 1, expected: 0x1001 },
    { id: 'CID_1', kind: 'hardware', position: 0, expected: 0x2000 },
    { id: 'CID_2', kind: 'hardware', position: 0, expected: 0x2001 },
    { id: 'CID_1', kind: 'compatible', position: 0, expected: 0x3000 },
    { id: 'CID_1', kind: 'compatible', position: 1, expected: 0x3100 },
    { id: 'CID_2', kind: 'compatible', position: 1, expected: 0x3101 },
  ] as const;

  for (const { id, kind, position, expected } of cases) {
    const score = `0x${expected.toString(16)}`;

    test(`scores ${id} against an INF ${kind} ID at ${position} as ${score}`, () => {
      const match = matchIdentifier(lookup, id, { kind, position });

      assert.ok(match);
      assert.equal(match.matchType * 0x1000 + match.position, expected);
    });
  }

  test('compares IDs without regard to case and reports the device spelling', () => {
    const match = matchIdentifier(lookup, 'cid_2', { kind: 'hardware', position: 0 });

    assert.equal(match?.deviceId, 'CID_2');
    assert.equal(match?.deviceList, 'compatible');
  });

  test('prefers the hardware list when a device reports an ID in both lists', () => {
    const both = deviceIdLookup({ hardwareIds: ['A', 'B'], compatibleIds: ['B'] });

    assert.equal(matchIdentifier(both, 'B', { kind: 'hardware', position: 0 })?.matchType, 0);
  });

  test('returns null for an ID the device does not report', () => {
    assert.equal(matchIdentifier(lookup, 'OTHER', { kind: 'hardware', position: 0 }), null);
  });
});
