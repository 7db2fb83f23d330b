import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CharPositions } from './char-positions.js';

test('the next occurrence of a character is found from any offset, forwards or back', () => {
  const text = 'a;b;;c';
  const semicolons = new CharPositions(text, ';');

  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 2, 0].map((from) => semicolons.nextFrom(from)),
    [1, 1, 3, 3, 4, 6, 6, 3, 1],
  );
  assert.equal(new CharPositions(text, '"').nextFrom(0), text.length);
});
