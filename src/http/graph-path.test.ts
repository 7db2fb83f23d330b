import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeGraphUrl } from './graph-path.js';

const base = '/beta/deviceManagement/windowsDriverUpdateProfiles';

test('a key in parentheses becomes a key segment', () => {
  assert.equal(normalizeGraphUrl(`${base}('abc-1')`), `${base}/abc-1`);
  assert.equal(normalizeGraphUrl(`${base}(%27abc-1%27)/assignments`), `${base}/abc-1/assignments`);
});

test('namespace-qualified actions become their short names', () => {
  assert.equal(
    normalizeGraphUrl(`${base}/p1/microsoft.graph.syncInventory`),
    `${base}/p1/syncInventory`,
  );
});

test('the query string is kept as sent', () => {
  assert.equal(
    normalizeGraphUrl(`${base}('x')?$top=1&$filter=a%20eq%201`),
    `${base}/x?$top=1&$filter=a%20eq%201`,
  );
});

test('quotes inside a key are unescaped and re-encoded so they cannot break the path', () => {
  assert.equal(normalizeGraphUrl(`${base}('a''b%2Fc')`), `${base}/a'b%2Fc`);
});

test('malformed percent-encoding is left for the router to refuse', () => {
  assert.equal(normalizeGraphUrl(`${base}/%E0%A4%A`), `${base}/%E0%A4%A`);
});

test("an alternate key, name='value', becomes a name=value segment", () => {
  assert.equal(
    normalizeGraphUrl("/v1.0/devices(deviceId='6fa60d52-01e7-4b18-8055-4759461fc16b')"),
    '/v1.0/devices/deviceId=6fa60d52-01e7-4b18-8055-4759461fc16b',
  );
  assert.equal(
    normalizeGraphUrl("/beta/devices(deviceId='a''b%2Fc')"),
    "/beta/devices/deviceId=a'b%2Fc",
  );
});
