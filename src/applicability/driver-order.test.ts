import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareDriverOrder,
  compareNewest,
  compareVersions,
  versionParts,
} from './driver-order.js';

describe('driver order', () => {
  test('a lower rank wins whatever the date and version', () => {
    const older = { rank: 0x00ff0001, date: '2015-01-01', version: '1.0.0.0' };
    const newer = { rank: 0x00ff2000, date: '2024-01-01', version: '9.0.0.0' };

    assert.ok(compareDriverOrder(older, newer) < 0);
  });

  test('at equal rank a newer date beats a higher version', () => {
    const newerDate = { rank: 0x00ff0000, date: '2024-02-01', version: '1.0.0.0' };
    const higherVersion = { rank: 0x00ff0000, date: '2024-01-01', version: '2.0.0.0' };

    assert.ok(compareDriverOrder(newerDate, higherVersion) < 0);
  });

  test('at equal rank and date the higher version wins', () => {
    const low = { rank: 0, date: '2024-01-01', version: '1.2.3.4' };
    const high = { rank: 0, date: '2024-01-01', version: '1.2.10.0' };

    assert.ok(compareDriverOrder(high, low) < 0);
    assert.equal(compareDriverOrder(low, low), 0);
  });

  test('compares versions as four 16-bit numbers, not as text', () => {
    assert.ok(compareVersions('10.0.2.0', '9.99.0.0') > 0);
    assert.equal(compareVersions('1.2', '1.2.0.0'), 0);
    assert.deepEqual(versionParts('1.70000.x'), [1, 0xffff, 0, 0]);
  });

  test('the newest order ignores rank', () => {
    assert.ok(
      compareNewest({ date: '2024-01-02', version: '1' }, { date: '2024-01-01', version: '9' }) < 0,
    );
  });
});
