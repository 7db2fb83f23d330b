import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  composeRank,
  describeMatchType,
  formatRank,
  parseRank,
  rankParts,
  signatureKindOf,
  signatureScore,
} from './rank.js';

describe('driver rank', () => {
  test('composes signature, feature score, match type and position into 0xSSGGTHHH', () => {
    const rank = composeRank({ signature: 0, featureScore: 0xf8, matchType: 0, position: 3 });

    assert.equal(formatRank(rank), '0x00F80003');
  });

  test('an unsigned driver ranks 0x80 in its top byte and stays a positive number', () => {
    const rank = composeRank({
      signature: signatureScore('unsigned'),
      featureScore: 0xff,
      matchType: 2,
      position: 1,
    });

    assert.equal(formatRank(rank), '0x80FF2001');
    assert.ok(
      rank > composeRank({ signature: 0, featureScore: 0xff, matchType: 3, position: 0xfff }),
    );
  });

  test('splits a logged rank back into its parts', () => {
    assert.deepEqual(rankParts(0x00ff3101), {
      signature: 0,
      featureScore: 0xff,
      matchType: 3,
      position: 0x101,
    });
  });

  test('reads ranks in the forms setupapi logs and device reports use', () => {
    assert.equal(parseRank('0x00fb2004'), 0x00fb2004);
    assert.equal(parseRank('00FF3001'), 0x00ff3001);
    assert.equal(parseRank(' 0x0 '), 0);
  });

  test('rejects text that is not a rank', () => {
    assert.equal(parseRank('rank'), null);
    assert.equal(parseRank('0x123456789'), null);
    assert.equal(parseRank('0x00ff5000'), null);
    assert.equal(parseRank(-1), null);
  });

  test('maps signature scores to the classes Windows distinguishes', () => {
    assert.equal(signatureKindOf(0x00), 'trusted');
    assert.equal(signatureKindOf(0x80), 'unsigned');
    assert.equal(signatureKindOf(0xc0), 'unsigned-non-nt');
    assert.equal(signatureKindOf(0xff), 'unknown');
  });

  test('caps the position at the twelve bits the rank holds', () => {
    const rank = composeRank({ signature: 0, featureScore: 0xff, matchType: 3, position: 0x2000 });

    assert.equal(formatRank(rank), '0x00FF3FFF');
  });

  test('names each match type in words', () => {
    assert.match(describeMatchType(2), /device compatible ID matches INF hardware ID/);
  });
});
