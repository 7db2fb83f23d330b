import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unsupportedNodeReason } from './node-version.js';

test('Node versions that load ES modules through require() are accepted', () => {
  for (const version of ['20.19.0', '20.20.2', '22.12.0', '22.23.5', '23.0.0', '24.22.3']) {
    assert.equal(unsupportedNodeReason(version), null, version);
  }
});

test('older Node versions, and 21, are refused with the range that works', () => {
  for (const version of ['18.20.4', '20.9.0', '20.18.3', '21.7.3', '22.11.0']) {
    assert.equal(
      unsupportedNodeReason(version),
      `Node.js ${version} is not supported; use ^20.19.0 || >=22.12.0.`,
    );
  }
});
