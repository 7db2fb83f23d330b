// More than 150 malformed requests sent with plain fetch. Each must get its exact status and
// Graph code in Graph's error envelope, never a 500, and none may change the store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import {
  type BadRequestCase,
  type CaseTargets,
  collection,
  groupA,
  groupB,
} from './support/bad-input-case.js';
import { badBodyCases } from './support/bad-body-cases.js';
import { badRequestCases } from './support/bad-request-cases.js';
import { call, dumpStore, seedInventory, waitForSyncToSettle } from './support/graph-fixtures.js';

let service: TestService;
let token: string;
let targets: CaseTargets;
let storeBefore: string;

async function createProfile(body: object): Promise<string> {
  const created = await call(service, 'POST', collection, { token, body });
  assert.equal(created.status, 201, created.text);

  return String(created.json?.id);
}

async function addAssignment(profile: string, groupId: string): Promise<string> {
  const created = await call(service, 'POST', `${profile}/assignments`, {
    token,
    body: { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } },
  });
  assert.equal(created.status, 201, created.text);

  return `${profile}/assignments/${String(created.json?.id)}`;
}

before(async () => {
  service = await startTestService();
  token = await service.token(tenantA);
  const manualId = await createProfile({ displayName: 'Manual', approvalType: 'manual' });
  const automaticId = await createProfile({
    displayName: 'Automatic',
    approvalType: 'automatic',
    deploymentDeferralInDays: 2,
  });
  const manual = `${collection}/${manualId}`;
  const firstAssignment = await addAssignment(manual, groupA);
  const secondAssignment = await addAssignment(manual, groupB);
  await waitForSyncToSettle(service, tenantA, manualId);
  await waitForSyncToSettle(service, tenantA, automaticId);
  await seedInventory(service, tenantA, manualId, [{ id: 'd-review' }, { id: 'd-approved' }]);
  const approved = await call(service, 'PATCH', `${manual}/driverInventories/d-approved`, {
    token,
    body: { approvalStatus: 'approved' },
  });
  assert.equal(approved.status, 200, approved.text);

  targets = {
    manual,
    automatic: `${collection}/${automaticId}`,
    firstAssignment,
    secondAssignment,
    reviewDriver: `${manual}/driverInventories/d-review`,
    approvedDriver: `${manual}/driverInventories/d-approved`,
  };
  storeBefore = await dumpStore(service);
});

after(() => service.dispose());

// Built lazily: the targets exist only once `before` has run, but node:test needs the test
// names up front, so the table is built from placeholder paths and resolved per test.
const placeholders: CaseTargets = {
  manual: `${collection}/{manual}`,
  automatic: `${collection}/{automatic}`,
  firstAssignment: `${collection}/{manual}/assignments/{first}`,
  secondAssignment: `${collection}/{manual}/assignments/{second}`,
  reviewDriver: `${collection}/{manual}/driverInventories/d-review`,
  approvedDriver: `${collection}/{manual}/driverInventories/d-approved`,
};
const cases = [...badBodyCases(placeholders), ...badRequestCases(placeholders)];

function resolve(path: string): string {
  return path
    .replace(`${collection}/{manual}/assignments/{first}`, targets.firstAssignment)
    .replace(`${collection}/{manual}/assignments/{second}`, targets.secondAssignment)
    .replace('{manual}', targets.manual.slice(collection.length + 1))
    .replace('{automatic}', targets.automatic.slice(collection.length + 1));
}

async function send(item: BadRequestCase) {
  const clientRequestId = `bad-input-${cases.indexOf(item)}`;

  return call(service, item.method, resolve(item.path), {
    token,
    ...(item.body !== undefined && { body: item.body }),
    ...(item.raw !== undefined && { raw: item.raw }),
    ...(item.contentType !== undefined && { contentType: item.contentType }),
    headers: { 'client-request-id': clientRequestId },
  });
}

describe('malformed requests', () => {
  test('the table holds at least 150 distinct requests', () => {
    assert.ok(cases.length >= 150, `only ${cases.length} cases`);
    assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
  });

  for (const item of cases) {
    test(`${item.name} answers ${item.status} ${item.code}`, async () => {
      const response = await send(item);
      const error = response.json?.error as
        { code: unknown; message: unknown; innerError: Record<string, unknown> } | undefined;

      assert.equal(response.status, item.status, response.text.slice(0, 300));
      assert.ok(error, `no Graph error envelope: ${response.text.slice(0, 200)}`);
      assert.deepEqual(Object.keys(response.json ?? {}), ['error']);
      assert.equal(error.code, item.code);
      assert.equal(typeof error.message, 'string');
      if (item.message) assert.match(String(error.message), item.message);
      assert.equal(error.innerError['request-id'], response.headers.get('request-id'));
      assert.equal(error.innerError['client-request-id'], `bad-input-${cases.indexOf(item)}`);
      assert.match(String(error.innerError.date), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.equal(response.headers.get('odata-version'), '4.0');
    });
  }

  test('left every table of the store exactly as it was', async () => {
    assert.equal(await dumpStore(service), storeBefore);
  });
});
