import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PendingWarning } from './pending-warning.js';
import { findTemplates } from './find-templates.js';

function templates(text: string) {
  const warnings: PendingWarning[] = [];

  return { found: findTemplates(text, warnings), at: warnings.map((warning) => warning.at) };
}

test('a closing mark is not reused to open the next template', () => {
  assert.deepEqual(templates('x=$A$B$').found, ['$A$']);
});

test('templates of all three kinds are listed in order of first appearance', () => {
  const { found, at } = templates('a=@B@\nb=#C#,$ARCH$\nc=@B@');

  assert.deepEqual(found, ['@B@', '#C#', '$ARCH$']);
  assert.deepEqual(at, [2, 8, 12]);
});

test('templates inside comments are skipped but the same marker counts outside one', () => {
  const { found, at } = templates('; #X# and #Y#\nk="a;b" #X# ; $Z$\n$CHICAGO$');

  assert.deepEqual(found, ['#X#']);
  assert.deepEqual(at, [22]);
});

test('names must start with a letter or underscore and end with the opening mark', () => {
  assert.deepEqual(templates('$1A$ #_a1# @a# $a b$').found, ['#_a1#']);
});
