import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { registerDemoCommand } from '../../src/cli/commands/demo.js';
import { demoTenantId } from '../../src/demo/seed-demo.js';
import type { Store } from '../../src/store/store.js';
import { startTestService } from '../support/service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-store.js';
import { runCli } from '../support/run-cli.js';

const tinyPciIds = fileURLToPath(new URL('./fixtures/tiny-pci.ids', import.meta.url));
const asOf = '2026-12-01T10:00:00Z';
// Small enough to seed in about a second; the catalog of two models is some ninety packages.
const small = ['--devices', '40', '--models', '2', '--catalog-packages', '0', '--as-of', asOf];

function run(t: TestContext, ...args: string[]) {
  return runCli(t, registerDemoCommand, ['demo', ...args]);
}

async function withStore<T>(database: TestDatabase, read: (store: Store) => Promise<T>) {
  const store = await database.open();
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const deviceRows = (database: TestDatabase, tenantId = demoTenantId) =>
  withStore(database, (store) =>
    store.db
      .selectFrom('devices')
      .select(['device_id', 'display_name', 'operating_system_version', 'reported_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('device_id')
      .execute(),
  );

const packageIds = (database: TestDatabase) =>
  withStore(database, async (store) => {
    const rows = await store.db
      .selectFrom('catalog_packages')
      .select('id')
      .where('tenant_id', '=', demoTenantId)
      .orderBy('id')
      .execute();

    return rows.map((row) => row.id);
  });

const pciMatchIds = (database: TestDatabase) =>
  withStore(database, async (store) => {
    const rows = await store.db
      .selectFrom('catalog_match_rows')
      .select('match_id')
      .where('tenant_id', '=', demoTenantId)
      .execute();

    return rows.map((row) => row.match_id.toUpperCase()).filter((id) => id.startsWith('PCI\\'));
  });

describe('drivergraph demo', () => {
  const databases: TestDatabase[] = [];
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'drivergraph-demo-'));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  after(async () => {
    for (const database of databases) await database.drop();
    await rm(folder, { recursive: true, force: true });
  });

  const freshDatabase = async () => {
    const database = await createTestDatabase();
    databases.push(database);

    return database;
  };

  test('refuses device counts outside 1 to 1,000,000 and tenants that are not GUIDs', async (t) => {
    for (const devices of ['0', '1000001', 'ten', '-5']) {
      const result = await run(t, '--devices', devices, '--data', folder);
      assert.equal(result.exitCode, 2, `--devices ${devices}`);
    }
    assert.equal((await run(t, '--devices', '5', '--models', '501')).exitCode, 2);
    assert.equal((await run(t, '--devices', '5', '--tenant', 'contoso')).exitCode, 2);
    assert.equal((await run(t)).exitCode, 2, 'without --devices');
  });

  test('seeds an empty tenant once and refuses it the second time', async (t) => {
    const database = await freshDatabase();

    const first = await run(t, ...small, '--database', database.setting);
    assert.equal(first.exitCode, 0, first.err);
    assert.match(first.out, /devices {10}40, \d+ distinct hardware configurations/);
    assert.match(first.out, /group Pilot {6}[0-9a-f-]{36} \(\d+ devices\)/);
    assert.match(first.out, new RegExp(`token --data \\S+ --tenant ${demoTenantId}`));

    const second = await run(t, ...small, '--devices', '7', '--database', database.setting);
    assert.equal(second.exitCode, 1);
    assert.match(second.err, /already has 40 devices, 2 groups, 2 profiles/);
    assert.equal((await deviceRows(database)).length, 40);
  });

  test('repeats devices and catalog for one seed and differs for another', async (t) => {
    const [one, two, other] = [await freshDatabase(), await freshDatabase(), await freshDatabase()];

    for (const [database, seed] of [
      [one, '9'],
      [two, '9'],
      [other, '10'],
    ] as const) {
      const result = await run(t, ...small, '--seed', seed, '--database', database.setting);
      assert.equal(result.exitCode, 0, result.err);
    }

    assert.deepEqual(await deviceRows(two), await deviceRows(one));
    assert.deepEqual(await packageIds(two), await packageIds(one));
    assert.ok((await packageIds(one)).length > 0);
    const otherIds = new Set((await deviceRows(other)).map((row) => row.device_id));
    assert.ok((await deviceRows(one)).every((row) => !otherIds.has(row.device_id)));
  });

  test('takes hardware and filler drivers from a pci.ids file when one is given', async (t) => {
    const [withFile, builtIn] = [await freshDatabase(), await freshDatabase()];
    const options = [...small, '--catalog-packages', '100'];

    const seeded = await run(
      t,
      ...options,
      '--pci-ids',
      tinyPciIds,
      '--database',
      withFile.setting,
    );
    assert.equal(seeded.exitCode, 0, seeded.err);
    await run(t, ...options, '--database', builtIn.setting);

    const fromFile = (ids: readonly string[]) => ids.filter((id) => /&DEV_F0[ABC]\d/.test(id));
    const matched = fromFile(await pciMatchIds(withFile));
    // The chipset INF serves the chipset functions the models drew from the file.
    assert.ok(
      matched.some((id) => /^PCI\\VEN_(8086&DEV_F0A|1022&DEV_F0B)/.test(id)),
      matched.join(', '),
    );
    assert.ok(
      matched.some((id) => id.startsWith('PCI\\VEN_10EC&DEV_F0C')),
      'filler packages',
    );
    assert.deepEqual(fromFile(await pciMatchIds(builtIn)), []);
  });

  test('refuses an unreadable or vendorless ids file with exit code 1', async (t) => {
    const notIds = join(folder, 'notes.txt');
    await writeFile(notIds, 'These are not the IDs you are looking for.\n');

    const missing = await run(t, '--devices', '5', '--pci-ids', join(folder, 'absent.ids'));
    const empty = await run(t, '--devices', '5', '--usb-ids', notIds);

    assert.equal(missing.exitCode, 1);
    assert.match(missing.err, /cannot read --pci-ids/);
    assert.equal(empty.exitCode, 1);
    assert.match(empty.err, /--usb-ids .* has no vendor lines/);
  });

  test('leaves profiles that sync to a non-empty driver list once the service runs', async (t) => {
    const database = await freshDatabase();
    const seeded = await run(t, ...small, '--database', database.setting);
    assert.equal(seeded.exitCode, 0, seeded.err);

    const service = await startTestService({ database: database.setting });
    t.after(() => service.dispose());
    const token = await service.token(demoTenantId);
    const get = async (path: string) => {
      const response = await fetch(`${service.url}/beta/deviceManagement/${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200, path);

      return (await response.json()) as { value: Record<string, unknown>[] };
    };
    const syncStates = async () =>
      (await get('windowsDriverUpdateProfiles')).value.map(
        (profile) =>
          (profile.inventorySyncStatus as Record<string, unknown>).driverInventorySyncState,
      );

    const deadline = Date.now() + 10_000;
    while ((await syncStates()).some((state) => state === 'pending') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const profiles = (await get('windowsDriverUpdateProfiles')).value;
    assert.deepEqual(await syncStates(), ['success', 'success']);
    const reporting = profiles.map((profile) => Number(profile.deviceReporting));
    assert.equal(
      reporting.reduce((sum, count) => sum + count, 0),
      40,
    );
    for (const profile of profiles) {
      const drivers = await get(
        `windowsDriverUpdateProfiles/${String(profile.id)}/driverInventories`,
      );
      assert.ok(drivers.value.length > 0, `${String(profile.displayName)} lists no drivers`);
    }
  });
});
