import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

import { validateReport } from '../../src/fleet/validate-report.js';
import { mutableSample } from './sample-report.js';
import type { LooseJson } from './sample-report.js';

type Json = LooseJson;

// Every object in the sample, with the keys it must have, reached by a path of keys.
const objects: { path: (string | number)[]; keys: string[] }[] = [
  {
    path: [],
    keys: ['deviceId', 'deviceName', 'reportedDateTime', 'os', 'computerHardwareIds', 'devices'],
  },
  { path: ['os'], keys: ['version', 'architecture'] },
  {
    path: ['devices', 0],
    keys: ['instanceId', 'hardwareIds', 'compatibleIds', 'installedDriver', 'extensionDrivers'],
  },
  {
    path: ['devices', 0, 'installedDriver'],
    keys: ['infName', 'provider', 'class', 'version', 'date', 'matchingId', 'rank'],
  },
  {
    path: ['devices', 0, 'extensionDrivers', 0],
    keys: ['extensionId', 'infName', 'version', 'date'],
  },
];

// String fields with values that can never be valid there.
const badValue = fc.oneof(
  fc.constant(''),
  fc.constant('has space'),
  fc.constant('\u0000'),
  fc.constant('a,b'),
  fc.constant('x'.repeat(600)),
);
const strictFields: { path: (string | number)[]; bad: fc.Arbitrary<unknown> }[] = [
  { path: ['deviceId'], bad: badValue },
  { path: ['reportedDateTime'], bad: fc.oneof(badValue, fc.constant('2026-13-01T00:00:00Z')) },
  { path: ['os', 'version'], bad: fc.oneof(badValue, fc.constant('10.0.70000')) },
  { path: ['os', 'architecture'], bad: fc.oneof(badValue, fc.constant('AMD64')) },
  { path: ['computerHardwareIds', 0], bad: badValue },
  { path: ['devices', 0, 'instanceId'], bad: badValue },
  { path: ['devices', 1, 'hardwareIds', 2], bad: badValue },
  { path: ['devices', 0, 'compatibleIds', 1], bad: badValue },
  {
    path: ['devices', 0, 'installedDriver', 'version'],
    bad: fc.oneof(badValue, fc.constant('1.2.3.4.5')),
  },
  {
    path: ['devices', 0, 'installedDriver', 'date'],
    bad: fc.oneof(badValue, fc.constant('2023-02-29')),
  },
  {
    path: ['devices', 0, 'installedDriver', 'rank'],
    bad: fc.oneof(badValue, fc.constant('00FF2001')),
  },
  {
    path: ['devices', 0, 'installedDriver', 'infName'],
    bad: fc.oneof(badValue, fc.constant('oem1.sys')),
  },
  { path: ['devices', 0, 'extensionDrivers', 0, 'date'], bad: badValue },
];

// An empty array would be a legal value for the list fields, so it is not among these.
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant({}));

type Mutation = (report: Json) => void;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...strictFields).chain((field) =>
    field.bad.map(
      (value): Mutation =>
        (report) =>
          set(report, field.path, value),
    ),
  ),
  fc
    .tuple(fc.constantFrom(...objects), fc.string({ minLength: 1 }))
    .map(([object, key]): Mutation => (report) => {
      const target = get(report, object.path);
      if (target === undefined) return;
      if (!object.keys.includes(key)) target[key] = 1;
      else delete target[key];
    }),
  fc
    .tuple(fc.constantFrom(...objects), fc.nat(), wrongType)
    .map(([object, index, value]): Mutation => (report) => {
      const key = object.keys[index % object.keys.length] as string;
      const target = get(report, object.path);
      if (target !== undefined) target[key] = value;
    }),
);

test('refuses every one of 2,000 reports spoiled by one mutation', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const report = mutableSample();
      for (const mutate of mutations) mutate(report);

      assert.equal(validateReport(report).ok, false);
    }),
    { numRuns: 2000, seed: 20261201 },
  );
});

// Walks to an object; undefined once an earlier mutation has replaced part of the path, in
// which case the report is already spoilt and this mutation adds nothing.
function get(report: Json, path: readonly (string | number)[]): Json | undefined {
  let value: unknown = report;

  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[key];
  }

  return typeof value === 'object' && value !== null ? (value as Json) : undefined;
}

function set(report: Json, path: readonly (string | number)[], value: unknown): void {
  const target = get(report, path.slice(0, -1));
  if (target !== undefined) target[path[path.length - 1] as string] = value;
}
