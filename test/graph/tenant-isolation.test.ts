// A profile belongs to the tenant of the token that created it. To every other tenant it does
// not exist: each route answers 404 ResourceNotFound, exactly as for a profile that never was,
// and the owner's rows stay as they were.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';
import {
  call,
  dumpStore,
  profilesPath,
  seedInventory,
  waitForSyncToSettle,
} from './support/graph-fixtures.js';

const groupId = 'a1a1a1a1-0000-4000-8000-000000000001';

let service: TestService;
let owner: string;
let stranger: string;
let profile: string;
let assignment: string;

before(async () => {
  service = await startTestService();
  owner = await service.token(tenantA);
  stranger = await service.token(tenantB);
  const created = await call(service, 'POST', profilesPath, {
    token: owner,
    body: { displayName: 'Tenant A only', approvalType: 'manual' },
  });
  profile = `${profilesPath}/${String(created.json?.id)}`;
  const added = await call(service, 'POST', `${profile}/assignments`, {
    token: owner,
    body: { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } },
  });
  assignment = `${profile}/assignments/${String(added.json?.id)}`;
  await waitForSyncToSettle(service, tenantA, String(created.json?.id));
  await seedInventory(service, tenantA, String(created.json?.id), [{ id: 'd-a' }]);
  // Tenant B has a profile of its own, so its token and its list are real.
  const own = await call(service, 'POST', profilesPath, {
    token: stranger,
    body: { displayName: 'Tenant B', approvalType: 'manual' },
  });
  // Its creation queues a sync; the snapshots below must not catch that one mid-run.
  await waitForSyncToSettle(service, tenantB, String(own.json?.id));
});

after(() => service.dispose());

const target = { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' };
const requests: [string, string, () => string, unknown?][] = [
  ['get', 'GET', () => profile],
  ['patch', 'PATCH', () => profile, { displayName: 'Taken over' }],
  ['delete', 'DELETE', () => profile],
  ['assign', 'POST', () => `${profile}/assign`, { assignments: [{ target }] }],
  ['list assignments', 'GET', () => `${profile}/assignments`],
  ['count assignments', 'GET', () => `${profile}/assignments/$count`],
  ['add an assignment', 'POST', () => `${profile}/assignments`, { target }],
  ['get an assignment', 'GET', () => assignment],
  ['patch an assignment', 'PATCH', () => assignment, { target }],
  ['delete an assignment', 'DELETE', () => assignment],
  ['list driverInventories', 'GET', () => `${profile}/driverInventories`],
  ['count driverInventories', 'GET', () => `${profile}/driverInventories/$count`],
  ['get a driver', 'GET', () => `${profile}/driverInventories/d-a`],
  [
    'patch a driver',
    'PATCH',
    () => `${profile}/driverInventories/d-a`,
    { approvalStatus: 'declined' },
  ],
  ['delete a driver', 'DELETE', () => `${profile}/driverInventories/d-a`],
  [
    'executeAction',
    'POST',
    () => `${profile}/executeAction`,
    { actionName: 'decline', driverIds: ['d-a'] },
  ],
  ['syncInventory', 'POST', () => `${profile}/syncInventory`],
  ['syncInventory (qualified)', 'POST', () => `${profile}/microsoft.graph.syncInventory`],
];

describe("another tenant's profile", () => {
  for (const [what, method, path, body] of requests) {
    test(`is ResourceNotFound to tenant B on ${what}, and tenant A's rows stay`, async () => {
      const before = await dumpStore(service);

      const response = await call(service, method, path(), { token: stranger, body });

      assert.equal(response.status, 404, response.text);
      assert.equal((response.json?.error as { code: string }).code, 'ResourceNotFound');
      assert.equal(await dumpStore(service), before);
    });
  }

  test('is absent from the list, the $count and a filter by its id for tenant B', async () => {
    const id = profile.slice(profilesPath.length + 1);

    const list = await call(service, 'GET', profilesPath, { token: stranger });
    const filtered = await call(service, 'GET', `${profilesPath}?$filter=id eq ${id}`, {
      token: stranger,
    });
    const count = await call(service, 'GET', `${profilesPath}/$count`, { token: stranger });

    assert.deepEqual(
      (list.json?.value as { displayName: string }[]).map((p) => p.displayName),
      ['Tenant B'],
    );
    assert.deepEqual(filtered.json?.value, []);
    assert.equal(count.text, '1');
  });

  test('stays whole for tenant A after all of that', async () => {
    const read = await call(service, 'GET', `${profile}?$expand=assignments`, { token: owner });
    const drivers = await call(service, 'GET', `${profile}/driverInventories`, { token: owner });

    assert.equal(read.json?.displayName, 'Tenant A only');
    assert.equal((read.json?.assignments as unknown[]).length, 1);
    assert.deepEqual(
      (drivers.json?.value as { id: string; approvalStatus: string }[]).map((d) => [
        d.id,
        d.approvalStatus,
      ]),
      [['d-a', 'needsReview']],
    );
  });
});
