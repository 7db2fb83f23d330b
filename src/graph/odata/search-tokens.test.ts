import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchTokenColumn, searchTokens } from './search-tokens.js';

test('text splits at spaces, at a lower-to-upper case change and where letters meet digits', () => {
  assert.deepEqual(searchTokens('hello world'), ['hello', 'world']);
  assert.deepEqual(searchTokens('HelloWorld'), ['hello', 'world']);
  assert.deepEqual(searchTokens('helloWORLD'), ['hello', 'world']);
  assert.deepEqual(searchTokens('HELLOworld'), ['helloworld']);
  assert.deepEqual(searchTokens('HelloWORld'), ['hello', 'world']);
  assert.deepEqual(searchTokens('hello123world'), ['hello', '123', 'world']);
});

test('every symbol is a token, and words joined only by symbols are one token too', () => {
  assert.deepEqual(searchTokens('hello.world'), ['hello', '.', 'world', 'helloworld']);
  assert.deepEqual(searchTokens('PC-LAPTOP-01'), ['pc', '-', 'laptop', '01', 'pclaptop01']);
  assert.deepEqual(searchTokens('李四(David Li)'), ['李四', '(', 'david', '李四david', 'li', ')']);
});

test('each token is kept once, and the stored form puts a space before each', () => {
  assert.deepEqual(searchTokens('Ring ring RING'), ['ring']);
  assert.deepEqual(searchTokens('   '), []);
  assert.equal(searchTokenColumn('Pilot ring'), ' pilot ring');
  assert.equal(searchTokenColumn(null), null);
});
