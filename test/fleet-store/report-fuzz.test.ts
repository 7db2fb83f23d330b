import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { appToken, putReport, reportFor } from './report-fixtures.js';

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];

const strings: Path[] = [
  ['reportedDateTime'],
  ['os', 'version'],
  ['os', 'architecture'],
  ['computerHardwareIds', 0],
  ['devices', 0, 'instanceId'],
  ['devices', 0, 'hardwareIds', 0],
  ['devices', 0, 'compatibleIds', 1],
  ['devices', 0, 'installedDriver', 'infName'],
  ['devices', 0, 'installedDriver', 'version'],
  ['devices', 0, 'installedDriver', 'date'],
];
const arrays: Path[] = [
  ['computerHardwareIds'],
  ['devices'],
  ['devices', 0, 'hardwareIds'],
  ['devices', 0, 'extensionDrivers'],
];
const objects: Path[] = [[], ['os'], ['devices', 0], ['devices', 0, 'installedDriver']];
const required: Path[] = [
  ['deviceName'],
  ['reportedDateTime'],
  ['os'],
  ['os', 'architecture'],
  ['devices'],
  ['computerHardwareIds'],
  ['devices', 0, 'hardwareIds'],
  ['devices', 0, 'installedDriver'],
  ['devices', 0, 'installedDriver', 'date'],
];

const badString = fc.oneof(
  fc.constant(''),
  fc.constant('has space'),
  fc.constant('tab\there'),
  fc.constant('x'.repeat(700)),
  fc.integer(),
  fc.constant({}),
  fc.constant([]),
);
// Null is refused everywhere except in the nullable fields, which these paths avoid.
const badOrNull = fc.oneof(badString, fc.constant(null));
const notArray = fc.oneof(fc.constant('x'), fc.integer(), fc.constant({}), fc.constant(null));
const notObject = fc.oneof(fc.constant('x'), fc.integer(), fc.constant([]), fc.constant(true));
const unknownKey = fc.stringMatching(/^[a-z]{1,12}$/).map((key) => `${key}Extra`);

/** A mutation spoils a valid report in one way that validation must refuse. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constant(['deviceName']),
    value: fc.oneof(fc.constant(''), fc.constant('tab\there'), fc.constant('x'.repeat(300))),
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...strings),
    value: badOrNull,
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...arrays),
    value: notArray,
  }),
  fc.record({
    kind: fc.constant('set' as const),
    path: fc.constantFrom(...objects.filter((path) => path.length > 0)),
    value: notObject,
  }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...required) }),
  fc.record({
    kind: fc.constant('add' as const),
    path: fc.constantFrom(...objects),
    key: unknownKey,
  }),
  fc.record({
    kind: fc.constant('body' as const),
    text: fc.constantFrom('', '[]', '42', '"x"', '{'),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function spoil(deviceId: string, change: Mutation): unknown {
  if (change.kind === 'body') return change.text === '' ? ' ' : change.text;

  const report = JSON.parse(JSON.stringify(reportFor(deviceId, '2026-12-01T10:00:00Z'))) as Json;
  const path = 'path' in change ? change.path : [];
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, report);
  const last = path[path.length - 1]!;
  if (change.kind === 'set') parent[last] = change.value;
  if (change.kind === 'delete') delete parent[last];
  if (change.kind === 'add') {
    const target = path.reduce<Json>((node, key) => node[key] as Json, report);
    target[change.key] = 'surprise';
  }

  return report;
}

describe('malformed device reports', () => {
  let service: TestService;
  let token: string;

  before(async () => {
    service = await startTestService();
    token = await appToken(service, tenantA);
  });
  after(() => service.dispose());

  test('2,000 fuzzed malformed reports each get a 400 and nothing is stored', async () => {
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 50, maxLength: 50 }), async (batch) => {
        const statuses = await Promise.all(
          batch.map(async (change) => {
            const deviceId = crypto.randomUUID();
            const response = await putReport(service, token, deviceId, spoil(deviceId, change));
            await response.arrayBuffer();

            return response.status;
          }),
        );
        sent += batch.length;
        // Every spoiled report is a client error; 400 in particular, so nothing (a throttle, a
        // permission) can stand in for the validation this test is about.
        for (const status of statuses) assert.equal(status, 400);
      }),
      { numRuns: 40 },
    );

    assert.ok(sent >= 2000);
    const devices = await service.store.db.selectFrom('devices').select('id').execute();
    const configurations = await service.store.db
      .selectFrom('device_configurations')
      .select('key')
      .execute();
    assert.equal(devices.length, 0);
    assert.equal(configurations.length, 0);
  });

  test('a report larger than the body limit is refused with 413', async () => {
    const deviceId = crypto.randomUUID();
    const huge = JSON.stringify({
      ...reportFor(deviceId, '2026-12-01T10:00:00Z'),
      pad: 'x'.repeat(9 * 1024 * 1024),
    });
    const response = await putReport(service, token, deviceId, huge);

    assert.equal(response.status, 413);
  });
});
