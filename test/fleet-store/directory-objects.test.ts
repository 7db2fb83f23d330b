// Any device or group, read as a directory object by its id: one at a time or many at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';
import { directoryWriter, newDevice, newGroup, type Created } from './directory-fixtures.js';

interface Listed {
  readonly '@odata.context': string;
  readonly value: { id: string; '@odata.type': string }[];
}

describe('/directoryObjects/{id} and /directoryObjects/getByIds', () => {
  let service: TestService;
  let reader: Client;
  let device: Created, group: Created;

  before(async () => {
    service = await startTestService();
    const writer = await directoryWriter(service);
    reader = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Directory.Read.All'] }),
    );
    device = await newDevice(writer, 'PC-OBJECT');
    group = await newGroup(writer, 'Objects');
  });
  after(() => service.dispose());

  test('one object by id comes in its own shape, with its @odata.type', async () => {
    const read = (await reader.api(`/directoryObjects/${device.id}`).get()) as Record<
      string,
      unknown
    >;

    assert.equal(read['@odata.type'], '#microsoft.graph.device');
    assert.equal(read.displayName, 'PC-OBJECT');
    assert.match(String(read['@odata.context']), /\$metadata#directoryObjects\/\$entity$/);
    await assert.rejects(reader.api(`/directoryObjects/${crypto.randomUUID()}`).get(), {
      statusCode: 404,
    });
  });

  test('getByIds answers the objects it finds, in the order asked, narrowed by types', async () => {
    const missing = crypto.randomUUID();
    const all = (await reader
      .api('/directoryObjects/getByIds')
      .post({ ids: [group.id, missing, device.id.toUpperCase()] })) as Listed;
    const devices = (await reader
      .api('/directoryObjects/getByIds')
      .version('v1.0')
      .post({ ids: [group.id, device.id], types: ['device', 'user'] })) as Listed;
    const users = (await reader
      .api('/directoryObjects/getByIds')
      .post({ ids: [group.id, device.id], types: ['microsoft.graph.user'] })) as Listed;

    assert.deepEqual(
      all.value.map((item) => [item.id, item['@odata.type']]),
      [
        [group.id, '#microsoft.graph.group'],
        [device.id, '#microsoft.graph.device'],
      ],
    );
    assert.match(all['@odata.context'], /\$metadata#directoryObjects$/);
    assert.deepEqual(
      devices.value.map((item) => item.id),
      [device.id],
    );
    assert.deepEqual(users.value, []);
  });

  test('bad bodies are 400s; other tenants find nothing; reading needs Directory.*', async () => {
    const stranger = graphClient(
      service.url,
      await service.token(tenantB, { scopes: ['Directory.Read.All'] }),
    );
    const deviceReader = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Device.Read.All'] }),
    );
    const post = (body: unknown) => reader.api('/directoryObjects/getByIds').post(body);

    await assert.rejects(post({}), { statusCode: 400 });
    await assert.rejects(post({ ids: ['x'] }), { statusCode: 400 });
    await assert.rejects(post({ ids: [device.id], types: ['printer'] }), {
      statusCode: 400,
      message: /'printer', which is no directory object type/,
    });
    await assert.rejects(post({ ids: Array.from({ length: 1001 }, () => crypto.randomUUID()) }), {
      statusCode: 400,
    });
    const foreign = (await stranger
      .api('/directoryObjects/getByIds')
      .post({ ids: [device.id] })) as Listed;
    assert.deepEqual(foreign.value, []);
    await assert.rejects(deviceReader.api(`/directoryObjects/${device.id}`).get(), {
      statusCode: 403,
    });
  });
});
