import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLineNumbers } from './pending-warning.js';

test('warnings get the line of their offset and keep their order', () => {
  const text = 'one\ntwo\n\nfour';
  const warnings = withLineNumbers(text, [
    { at: 10, message: 'on four' },
    { at: null, message: 'whole file' },
    { at: 0, message: 'on one' },
    { at: 3, message: 'line end of one' },
    { at: 4, message: 'on two' },
    { at: 8, message: 'on the empty line' },
  ]);

  assert.deepEqual(warnings, [
    { line: 4, message: 'on four' },
    { line: null, message: 'whole file' },
    { line: 1, message: 'on one' },
    { line: 1, message: 'line end of one' },
    { line: 2, message: 'on two' },
    { line: 3, message: 'on the empty line' },
  ]);
});
