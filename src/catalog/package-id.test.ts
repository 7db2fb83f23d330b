import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageIdOf } from './package-id.js';

const bytes = (text: string) => new TextEncoder().encode(text);

test('the package id is 64 hex digits and ignores file order and name case', () => {
  const a = packageIdOf([
    { name: 'Widget.inf', bytes: bytes('inf') },
    { name: 'widget.sys', bytes: bytes('sys') },
  ]);
  const b = packageIdOf([
    { name: 'WIDGET.SYS', bytes: bytes('sys') },
    { name: 'widget.inf', bytes: bytes('inf') },
  ]);

  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(a, b);
});

test('changing a byte, a name or moving bytes between files changes the id', () => {
  const base = packageIdOf([
    { name: 'a.inf', bytes: bytes('ab') },
    { name: 'b.sys', bytes: bytes('c') },
  ]);

  assert.notEqual(
    base,
    packageIdOf([
      { name: 'a.inf', bytes: bytes('ab') },
      { name: 'b.sys', bytes: bytes('d') },
    ]),
  );
  assert.notEqual(
    base,
    packageIdOf([
      { name: 'a.inf', bytes: bytes('ab') },
      { name: 'c.sys', bytes: bytes('c') },
    ]),
  );
  assert.notEqual(
    base,
    packageIdOf([
      { name: 'a.inf', bytes: bytes('a') },
      { name: 'b.sys', bytes: bytes('bc') },
    ]),
  );
});
