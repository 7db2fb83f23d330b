import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { getPackage, loadCatalog } from '../../src/catalog/catalog-repo.js';
import { findPackagesOnDisk } from '../../src/catalog/find-packages-on-disk.js';
import {
  emptyReport,
  importPackages,
  type ImportOptions,
} from '../../src/catalog/import-packages.js';
import { packageIdOf } from '../../src/catalog/package-id.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { corpusPath, corpusSkipReason } from '../support/corpus.js';
import { autorunInf, driverInf, tempFolder, type TempFolder } from './fixture-infs.js';

const tenant = '11111111-1111-4111-8111-111111111111';
const options: ImportOptions = {
  publishing: 'automatic',
  chids: [],
  templateArchitectures: ['amd64'],
  now: new Date('2026-03-01T12:00:00.000Z'),
};

async function importPaths(store: Store, paths: string[], overrides: Partial<ImportOptions> = {}) {
  const found = await findPackagesOnDisk(paths);

  return importPackages(
    store,
    tenant,
    found.candidates,
    { ...options, ...overrides },
    {
      ...emptyReport(),
      failed: found.failed,
    },
  );
}

describe('importPackages from disk', () => {
  let store: TestStore;
  let folder: TempFolder;

  before(async () => {
    store = await openTestStore();
    folder = await tempFolder();
    await folder.write('net/fabrikam.inf', driverInf({ catalogFile: 'fabrikam.cat' }));
    await folder.write('net/fabrikam.cat', 'signed catalog bytes');
    await folder.write('net/fabrikam.sys', 'driver bytes');
    await folder.write('net/sub/other.sys', 'not part of the package');
    await folder.write('video/DISPLAY.INF', driverInf({ infClass: 'Display', version: '2.0.0.0' }));
    await folder.write('video/autorun.inf', autorunInf);
    await folder.write('broken/binary.inf', new Uint8Array(4096).fill(1));
    await folder.write('template/tpl.inf', driverInf({ decoration: 'NT$ARCH$' }));
  });
  after(async () => {
    await store.dispose();
    await folder.remove();
  });

  test('imports each INF with its siblings and reports skipped and failed files', async () => {
    const report = await importPaths(store, [join(folder.path, 'net'), join(folder.path, 'video')]);
    const net = report.imported.find((p) => p.file.endsWith('fabrikam.inf'));
    const expectedId = packageIdOf([
      { name: 'fabrikam.inf', bytes: Buffer.from(driverInf({ catalogFile: 'fabrikam.cat' })) },
      { name: 'fabrikam.cat', bytes: Buffer.from('signed catalog bytes') },
      { name: 'fabrikam.sys', bytes: Buffer.from('driver bytes') },
    ]);

    assert.deepEqual(
      report.imported.map((p) => p.name),
      ['Fabrikam - Networking - 1.2.3.4', 'Fabrikam - Video - 2.0.0.0'],
    );
    assert.equal(net?.id, expectedId);
    assert.equal((await getPackage(store.db, tenant, expectedId))?.package.signed, true);
    assert.deepEqual(
      report.skipped.map((s) => s.file.endsWith('autorun.inf')),
      [true],
    );
    assert.match(report.skipped[0]!.reason, /AutoRun/);
    assert.deepEqual(report.failed, []);
  });

  test('a second import of the same folders imports nothing new', async () => {
    const report = await importPaths(store, [join(folder.path, 'net'), join(folder.path, 'video')]);

    assert.deepEqual(report.imported, []);
    assert.equal(report.unchanged.length, 2);
  });

  test('binary files and missing paths fail with a reason, the rest still imports', async () => {
    const missing = join(folder.path, 'nowhere');
    const report = await importPaths(store, [join(folder.path, 'broken'), missing]);

    assert.deepEqual(
      report.failed.map((f) => f.file),
      [missing, join(folder.path, 'broken', 'binary.inf')],
    );
    assert.equal(report.failed[0]!.reason, 'no such file or folder');
  });

  test('a $ARCH$ template becomes one package per architecture asked for', async () => {
    const report = await importPaths(store, [join(folder.path, 'template', 'tpl.inf')], {
      templateArchitectures: ['amd64', 'arm64'],
    });
    const catalog = await loadCatalog(store.db, tenant, ['PCI\\VEN_ABCD&DEV_0001']);
    const architectures = catalog.rows
      .filter((row) => report.imported.some((p) => p.id === row.packageId))
      .map((row) => row.architecture)
      .sort();

    assert.deepEqual(
      report.imported.map((p) => p.architecture),
      ['amd64', 'arm64'],
    );
    assert.notEqual(report.imported[0]!.id, report.imported[1]!.id);
    assert.deepEqual(architectures, ['amd64', 'arm64']);
  });

  test('publishing and CHIDs given at import are stored with the package', async () => {
    const chid = '{3f6e1b2c-0a1b-4c2d-8e3f-112233445566}';
    const file = await folder.write('chid/limited.inf', driverInf({ version: '9.9.9.9' }));
    const report = await importPaths(store, [file], { publishing: 'optional', chids: [chid] });
    const record = await getPackage(store.db, tenant, report.imported[0]!.id);

    assert.equal(record?.package.publishing, 'optional');
    assert.deepEqual(record?.package.chids, [chid]);
  });
});

describe('importPackages over the shared corpus', () => {
  const corpus = corpusPath('inf');

  test(
    'importing the corpus folder twice imports nothing new the second time',
    { skip: corpus === null ? corpusSkipReason : false },
    async () => {
      const store = await openTestStore();

      try {
        const first = await importPaths(store, [corpus!]);
        const second = await importPaths(store, [corpus!]);

        assert.ok(first.imported.length > 20, `only ${first.imported.length} imported`);
        assert.deepEqual(second.imported, []);
        assert.equal(second.unchanged.length, first.imported.length + first.unchanged.length);
        assert.deepEqual(second.skipped, first.skipped);
        assert.deepEqual(second.failed, first.failed);
      } finally {
        await store.dispose();
      }
    },
  );
});
