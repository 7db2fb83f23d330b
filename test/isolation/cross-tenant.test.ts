// Two tenants, each with profiles, assignments and inventory. Every read, write, action and
// sync that one tenant aims at the other's ids answers 404 ResourceNotFound, exactly as for an
// id that never existed, and the other tenant's rows stay exactly as they were.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';

const profiles = '/beta/deviceManagement/windowsDriverUpdateProfiles';
const allDevices = { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' };

interface Holdings {
  readonly token: string;
  readonly profile: string;
  readonly assignment: string;
  readonly driver: string;
}

interface GraphBody {
  readonly id?: string;
  readonly value?: { id: string }[];
  readonly error?: { code: string };
}

let service: TestService;
const holdings = new Map<string, Holdings>();

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();

  return { status: response.status, json: text ? (JSON.parse(text) as GraphBody) : null };
}

async function settle(tenantId: string): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    const open = await service.store.db
      .selectFrom('sync_jobs')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('state', 'in', ['queued', 'running'])
      .execute();
    if (open.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function seed(tenantId: string): Promise<Holdings> {
  const token = await service.token(tenantId);
  const created = await call(token, 'POST', profiles, {
    displayName: tenantId,
    approvalType: 'manual',
  });
  const profileId = String(created.json?.id);
  const added = await call(token, 'POST', `${profiles}/${profileId}/assignments`, {
    target: allDevices,
  });
  await settle(tenantId);
  const driver = `driver-of-${tenantId.slice(0, 8)}`;
  await service.store.db
    .insertInto('inventory')
    .values({
      tenant_id: tenantId,
      profile_id: profileId,
      driver_id: driver,
      name: 'Contoso NIC',
      version: '1.0.0.0',
      manufacturer: 'Contoso',
      release_at: '2026-01-15T00:00:00.000Z',
      driver_class: 'Networking',
      applicable_device_count: 1,
      category: 'recommended',
    })
    .execute();

  return { token, profile: profileId, assignment: String(added.json?.id), driver };
}

/** Every row that carries the tenant's id, in every table that has a tenant_id column. */
async function dumpTenant(tenantId: string): Promise<string> {
  const db = service.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables = (await db.introspection.getTables())
    .filter((table) => table.columns.some((column) => column.name === 'tenant_id'))
    .map((table) => table.name)
    .sort();
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute();
    dump[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }

  return JSON.stringify(dump);
}

before(async () => {
  service = await startTestService();
  holdings.set(tenantA, await seed(tenantA));
  holdings.set(tenantB, await seed(tenantB));
});

after(() => service.dispose());

function requestsAgainst(victim: Holdings): [string, string, unknown?][] {
  const profile = `${profiles}/${victim.profile}`;
  const assignment = `${profile}/assignments/${victim.assignment}`;
  const driver = `${profile}/driverInventories/${victim.driver}`;

  return [
    ['GET', profile],
    ['GET', `${profiles}('${victim.profile}')`],
    ['PATCH', profile, { displayName: 'Taken over' }],
    ['POST', `${profile}/assign`, { assignments: [{ target: allDevices }] }],
    ['GET', `${profile}/assignments`],
    ['POST', `${profile}/assignments`, { target: allDevices }],
    ['GET', assignment],
    ['PATCH', assignment, { target: allDevices }],
    ['DELETE', assignment],
    ['GET', `${profile}/driverInventories`],
    ['GET', driver],
    ['POST', `${profile}/executeAction`, { actionName: 'approve', driverIds: [victim.driver] }],
    ['POST', `${profile}/microsoft.graph.syncInventory`],
    ['POST', `${profile}/syncInventory`],
    ['DELETE', profile],
  ];
}

for (const [attacker, victim] of [
  [tenantA, tenantB],
  [tenantB, tenantA],
] as const) {
  describe(`tenant ${attacker.slice(0, 8)} aiming at tenant ${victim.slice(0, 8)}`, () => {
    test('gets 404 ResourceNotFound for every read, write, action and sync', async () => {
      const own = holdings.get(attacker)!;
      const target = holdings.get(victim)!;
      for (const [method, path, body] of requestsAgainst(target)) {
        const { status, json } = await call(own.token, method, path, body);

        assert.equal(status, 404, `${method} ${path}`);
        assert.equal(json?.error?.code, 'ResourceNotFound', `${method} ${path}`);
      }
    });

    test("leaves the other tenant's rows exactly as they were", async () => {
      const own = holdings.get(attacker)!;
      const before = await dumpTenant(victim);
      for (const [method, path, body] of requestsAgainst(holdings.get(victim)!)) {
        await call(own.token, method, path, body);
      }

      assert.equal(await dumpTenant(victim), before);
      assert.match(before, /driver-of-/);
    });

    test("lists none of the other tenant's profiles", async () => {
      const own = holdings.get(attacker)!;
      const { json } = await call(own.token, 'GET', profiles);
      const ids = (json?.value ?? []).map((profile) => profile.id);

      assert.deepEqual(ids, [own.profile]);
    });
  });
}
