import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getPackage,
  listPackages,
  loadCatalog,
  savePackage,
} from '../../src/catalog/catalog-repo.js';
import { packageFromInf } from '../../src/catalog/package-from-inf.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import { readInf } from '../../src/inf/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { driverInf } from './fixture-infs.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const otherTenant = '22222222-2222-4222-8222-222222222222';
const now = new Date('2026-03-01T12:00:00.000Z');

function built(id: string, hardwareId: string): { pkg: CatalogPackage; rows: CatalogMatchRow[] } {
  const result = packageFromInf({
    id,
    infName: 'fabrikam.inf',
    inf: readInf(Buffer.from(driverInf({ hardwareId }))),
    files: ['fabrikam.inf'],
    publishing: 'optional',
    chids: ['{3f6e1b2c-0a1b-4c2d-8e3f-112233445566}'],
  });

  assert.equal(result.kind, 'package');

  return { pkg: result.package, rows: result.rows };
}

describe('catalog repository', () => {
  let store: TestStore;
  const first = built('a'.repeat(64), 'PCI\\VEN_ABCD&DEV_0001');
  const second = built('b'.repeat(64), 'PCI\\VEN_ABCD&DEV_0002');

  before(async () => {
    store = await openTestStore();
  });
  after(() => store.dispose());

  test('a new package is imported and reads back as it was saved', async () => {
    const outcome = await store.transaction((tx) =>
      savePackage(tx, tenant, first.pkg, first.rows, now, 321),
    );
    const record = await getPackage(store.db, tenant, first.pkg.id);

    assert.equal(outcome, 'imported');
    assert.deepEqual(record, { package: first.pkg, infSize: 321, importedAt: now.toISOString() });
  });

  test('saving an id that exists changes nothing and says unchanged', async () => {
    const changed = { ...first.pkg, name: 'Something else', publishing: 'automatic' as const };
    const outcome = await savePackage(store.db, tenant, changed, [], new Date(), 1);
    const record = await getPackage(store.db, tenant, first.pkg.id);
    const catalog = await loadCatalog(store.db, tenant);

    assert.equal(outcome, 'unchanged');
    assert.equal(record?.package.name, first.pkg.name);
    assert.equal(record?.importedAt, now.toISOString());
    assert.deepEqual(catalog.rows, first.rows);
  });

  test('another tenant sees none of it and may hold the same id', async () => {
    assert.equal(await getPackage(store.db, otherTenant, first.pkg.id), null);
    assert.deepEqual(await loadCatalog(store.db, otherTenant), { packages: [], rows: [] });
    assert.equal(await savePackage(store.db, otherTenant, first.pkg, first.rows, now), 'imported');
  });

  test('loadCatalog restricted to match ids returns only their rows and packages', async () => {
    await savePackage(store.db, tenant, second.pkg, second.rows, now);

    const onlySecond = await loadCatalog(store.db, tenant, ['pci\\ven_abcd&dev_0002']);
    const shared = await loadCatalog(store.db, tenant, ['PCI\\CC_0200']);
    const none = await loadCatalog(store.db, tenant, ['USB\\VID_0000']);

    assert.deepEqual(onlySecond.packages, [second.pkg]);
    assert.deepEqual(
      onlySecond.rows.map((row) => row.matchId),
      ['PCI\\VEN_ABCD&DEV_0002'],
    );
    assert.deepEqual(
      shared.packages.map((pkg) => pkg.id),
      [first.pkg.id, second.pkg.id],
    );
    assert.deepEqual(none, { packages: [], rows: [] });
  });

  test('listPackages gives every package of the tenant in name order', async () => {
    const listed = await listPackages(store.db, tenant);

    assert.deepEqual(
      listed.map((record) => record.package.id),
      [first.pkg.id, second.pkg.id],
    );
  });
});
