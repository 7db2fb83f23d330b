import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { catalogEntriesPath } from '../../src/http/routes/catalog-entries.js';
import { catalogUploadPath, uploadLimitBytes } from '../../src/http/routes/catalog-upload.js';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';
import { driverInf } from './fixture-infs.js';

interface UploadAnswer {
  readonly error: { readonly code: string; readonly message: string };
  readonly imported: readonly { readonly file: string; readonly id: string }[];
  readonly unchanged: readonly { readonly id: string }[];
  readonly skipped: readonly { readonly file: string }[];
}

const readWrite = { roles: ['WindowsUpdates.ReadWrite.All'] };
const readOnly = { scopes: ['WindowsUpdates.Read.All'] };

// A zip with one entry whose name fflate would refuse to write; patched in afterwards.
function zipWithName(name: string): Uint8Array {
  const placeholder = 'x'.repeat(name.length);
  const zip = zipSync({ [placeholder]: strToU8(driverInf()) }, { level: 0 });
  const bytes = Buffer.from(zip);
  const from = Buffer.from(placeholder);

  for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) {
    bytes.write(name, at, 'latin1');
  }

  return new Uint8Array(bytes);
}

describe('catalog over HTTP', () => {
  let service: TestService;
  let writer: string;

  async function put(body: Uint8Array | string, type: string, query = '', token = writer) {
    const response = await fetch(`${service.url}${catalogUploadPath}${query}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });

    return { status: response.status, json: (await response.json()) as UploadAnswer };
  }

  before(async () => {
    service = await startTestService();
    writer = await service.token(tenantA, readWrite);
  });
  after(() => service.dispose());

  test('an INF sent as octet-stream is imported and answered 201 with the report', async () => {
    const { status, json } = await put(driverInf(), 'application/octet-stream', '?name=fab.inf');
    const again = await put(driverInf(), 'application/octet-stream', '?name=fab.inf');

    assert.equal(status, 201);
    assert.equal(json.imported.length, 1);
    assert.equal(json.imported[0]!.file, 'fab.inf');
    assert.match(json.imported[0]!.id, /^[0-9a-f]{64}$/);
    assert.deepEqual(again.json.imported, []);
    assert.equal(again.json.unchanged[0]!.id, json.imported[0]!.id);
  });

  test('a zipped package folder imports every INF with its siblings', async () => {
    const zip = zipSync({
      'pkg/': new Uint8Array(),
      'pkg/display.inf': strToU8(driverInf({ infClass: 'Display', version: '3.0.0.0' })),
      'pkg/display.sys': strToU8('bytes'),
      'pkg/readme.txt': strToU8('hello'),
      'other/autorun.inf': strToU8('[autorun]\r\nopen=x.exe\r\n'),
    });
    const { status, json } = await put(zip, 'application/zip', '?optional=true');

    assert.equal(status, 201);
    assert.deepEqual(
      json.imported.map((p) => p.file),
      ['pkg/display.inf'],
    );
    assert.deepEqual(
      json.skipped.map((p) => p.file),
      ['other/autorun.inf'],
    );
  });

  test('zip entries that would leave their folder are refused with 400', async () => {
    for (const name of ['../evil.inf', '/abs/evil.inf', 'a\\..\\evil.inf', 'C:/evil.inf']) {
      const { status, json } = await put(zipWithName(name), 'application/zip');

      assert.equal(status, 400, name);
      assert.equal(json.error.code, 'BadRequest');
      assert.match(json.error.message, /Refused: the zip entry/);
    }
  });

  test('a body over the upload limit is refused with 413 naming that limit', async () => {
    const { status, json } = await put(new Uint8Array(uploadLimitBytes + 1), 'application/zip');

    assert.equal(status, 413);
    assert.equal(json.error.code, 'RequestEntityTooLarge');
    assert.match(json.error.message, new RegExp(String(uploadLimitBytes)));
  });

  test('other content types, bad CHIDs and bad names are refused', async () => {
    const text = await put(driverInf(), 'text/plain');
    const json = await put('{}', 'application/json');
    const chid = await put(driverInf(), 'application/octet-stream', '?chid=nope');
    const name = await put(driverInf(), 'application/octet-stream', '?name=../x.inf');
    const unknown = await put(driverInf(), 'application/octet-stream', '?publish=now');

    assert.equal(text.status, 415);
    assert.equal(text.json.error.code, 'UnsupportedMediaType');
    assert.match(text.json.error.message, /^The content type 'text\/plain' is not supported here/);
    assert.equal(json.status, 415);
    assert.match(json.json.error.message, /'application\/json'/);
    assert.deepEqual([chid.status, name.status, unknown.status], [400, 400, 400]);
  });

  test('uploading needs WindowsUpdates.ReadWrite.All', async () => {
    const reader = await service.token(tenantA, readOnly);
    const intune = await service.token(tenantA);
    const noToken = await fetch(`${service.url}${catalogUploadPath}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: driverInf(),
    });

    assert.equal((await put(driverInf(), 'application/octet-stream', '', reader)).status, 403);
    assert.equal((await put(driverInf(), 'application/octet-stream', '', intune)).status, 403);
    assert.equal(noToken.status, 401);
  });

  test('the Graph view lists driverUpdateCatalogEntry objects of the caller only', async () => {
    const client = graphClient(service.url, await service.token(tenantA, readOnly));
    const other = graphClient(service.url, await service.token(tenantB, readOnly));
    const page = await client.api('/admin/windows/updates/catalog/entries').get();
    const entry = page.value.find((e: { driverClass: string }) => e.driverClass === 'Video');

    assert.match(page['@odata.context'], /\$metadata#admin\/windows\/updates\/catalog\/entries$/);
    assert.deepEqual(entry, {
      '@odata.type': '#microsoft.graph.windowsUpdates.driverUpdateCatalogEntry',
      id: entry.id,
      displayName: 'Fabrikam - Video - 3.0.0.0',
      description: 'display.inf (Display, unsigned, optional)',
      deployableUntilDateTime: null,
      releaseDateTime: '2024-03-15T00:00:00.000Z',
      versionDateTime: '2024-03-15T00:00:00.000Z',
      driverClass: 'Video',
      manufacturer: 'Fabrikam',
      provider: 'Fabrikam',
      setupInformationFile: 'display.inf',
      version: '3.0.0.0',
    });
    assert.deepEqual((await other.api('/admin/windows/updates/catalog/entries').get()).value, []);
  });

  test('the Graph view takes $filter, $top with paging, $count and single entries', async () => {
    const client = graphClient(service.url, await service.token(tenantA, readWrite));
    const filtered = await client
      .api('/admin/windows/updates/catalog/entries')
      .filter("driverClass eq 'Networking'")
      .count(true)
      .get();
    const first = await client.api('/admin/windows/updates/catalog/entries').top(1).get();
    const next = (await (
      await fetch(first['@odata.nextLink'], { headers: { authorization: `Bearer ${writer}` } })
    ).json()) as { value: { id: string }[] };
    const count = await fetch(`${service.url}${catalogEntriesPath}/$count`, {
      headers: { authorization: `Bearer ${writer}` },
    });
    const id = filtered.value[0].id;
    const single = await client.api(`/admin/windows/updates/catalog/entries/${id}`).get();

    assert.equal(filtered['@odata.count'], 1);
    assert.equal(first.value.length, 1);
    assert.equal(next.value.length, 1);
    assert.notEqual(next.value[0]!.id, first.value[0].id);
    assert.equal(await count.text(), '2');
    assert.equal(single.id, id);
    assert.match(single['@odata.context'], /catalog\/entries\/\$entity$/);
  });

  test('the Graph view takes the type casts and isof that Graph clients write', async () => {
    const client = graphClient(service.url, await service.token(tenantA, readOnly));
    const entries = () => client.api('/admin/windows/updates/catalog/entries');
    const driverType = 'microsoft.graph.windowsUpdates.driverUpdateCatalogEntry';

    const cast = await entries()
      .filter(`${driverType}/driverClass eq 'Networking'`)
      .select(`${driverType}/version`)
      .orderby(`${driverType}/version desc`)
      .get();
    const drivers = await entries().filter(`isof('${driverType}')`).get();
    const features = await entries()
      .filter("isof('microsoft.graph.windowsUpdates.featureUpdateCatalogEntry')")
      .get();

    assert.deepEqual(
      cast.value.map((entry: Record<string, unknown>) => Object.keys(entry).sort()),
      [['@odata.type', 'version']],
    );
    assert.equal(drivers.value.length, 2);
    assert.deepEqual(features.value, []);
    await assert.rejects(
      entries()
        .filter(`microsoft.graph.windowsUpdates.qualityUpdateCatalogEntry/version eq '1'`)
        .get(),
      (error: { statusCode: number; code: string; message: string }) =>
        error.statusCode === 400 &&
        error.code === 'BadRequest' &&
        /casts to 'microsoft.graph.windowsUpdates.qualityUpdateCatalogEntry'/.test(error.message),
    );
  });

  test('an unknown or malformed entry id answers 404 or 400', async () => {
    const get = (id: string) =>
      fetch(`${service.url}${catalogEntriesPath}/${id}`, {
        headers: { authorization: `Bearer ${writer}` },
      });

    assert.equal((await get('0'.repeat(64))).status, 404);
    assert.equal((await get('not-an-id')).status, 400);
  });
});
