import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillerPackages } from '../../src/fleet/generator/filler-packages.js';
import { parseIdDatabase } from '../../src/fleet/generator/parse-id-database.js';

test('an ID database whose every device is in the fleet still yields filler packages', () => {
  const pciIds = parseIdDatabase('8086  Intel Corporation\n\t1234  Only device\n');
  const inFleet = new Set(['8086:1234']);
  const packages = fillerPackages(5, 1, new Date('2026-01-01T00:00:00Z'), inFleet, pciIds);

  assert.equal(packages.length, 5);
  for (const pkg of packages) assert.doesNotMatch(pkg.text, /VEN_8086&DEV_1234/);
});
