// Graph answers `/$count` and `$search` on directory objects only with the header
// `ConsistencyLevel: eventual`, and puts `@odata.count` in a page only with it; without it, the
// same Graph errors and pages come back here, in a `$batch` as well.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { directoryWriter, newGroup } from './directory-fixtures.js';

describe('advanced directory queries need ConsistencyLevel: eventual', () => {
  let service: TestService;
  let client: Client;
  let groupId: string;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    groupId = (await newGroup(client, 'Pilot ring')).id;
  });
  after(() => service.dispose());

  const refusal = (code: string, message: string) => (error: unknown) => {
    const graph = error as { statusCode: number; code: string; message: string };
    assert.equal(graph.statusCode, 400);
    assert.equal(graph.code, code);
    assert.equal(graph.message, message);

    return true;
  };
  const countRefused = refusal(
    'Request_UnsupportedQuery',
    "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is " +
      'missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information',
  );
  const searchRefused = refusal(
    'Request_UnsupportedQuery',
    'Request with $search query parameter only works through MSGraph with a special request ' +
      "header: 'ConsistencyLevel: eventual'",
  );

  test('a /$count segment without the header is refused as Graph refuses it', async () => {
    for (const path of ['/devices/$count', '/groups/$count', `/groups/${groupId}/members/$count`]) {
      await assert.rejects(client.api(path).get(), countRefused, path);
    }
    await assert.rejects(
      client.api(`/groups/${groupId}/transitiveMemberOf/microsoft.graph.group/$count`).get(),
      countRefused,
    );
  });

  test('$search without the header is refused as Graph refuses it', async () => {
    await assert.rejects(client.api('/groups').search('"displayName:Pilot"').get(), searchRefused);
    await assert.rejects(
      client.api(`/groups/${groupId}/members`).search('"displayName:PC"').get(),
      searchRefused,
    );
  });

  test('with the header both are answered', async () => {
    const eventual = (path: string) => client.api(path).header('ConsistencyLevel', 'eventual');

    const count = (await eventual('/groups/$count').get()) as unknown;
    const found = (await eventual('/groups').search('"displayName:Pilot"').get()) as {
      value: unknown[];
    };

    assert.equal(String(count), '1');
    assert.equal(found.value.length, 1);
  });

  test('$count=true without the header is answered, but the page carries no count', async () => {
    const plain = (await client.api('/groups').count(true).get()) as Record<string, unknown>;
    const members = (await client.api(`/groups/${groupId}/members`).count(true).get()) as Record<
      string,
      unknown
    >;
    const eventual = (await client
      .api('/groups')
      .header('ConsistencyLevel', 'eventual')
      .count(true)
      .get()) as Record<string, unknown>;

    assert.equal((plain.value as unknown[]).length, 1);
    assert.equal('@odata.count' in plain, false);
    assert.deepEqual(members.value, []);
    assert.equal('@odata.count' in members, false);
    assert.equal(eventual['@odata.count'], 1);
  });

  test('a malformed $count is refused without the header too', async () => {
    await assert.rejects(client.api('/groups').query('$count=maybe').get(), { statusCode: 400 });
  });

  test('Intune collections, not directory objects, count without the header', async () => {
    const headers = {
      authorization: `Bearer ${await service.token(tenantA, {
        scopes: ['DeviceManagementConfiguration.Read.All'],
      })}`,
    };
    const profilesUrl = `${service.url}/beta/deviceManagement/windowsDriverUpdateProfiles`;
    const counted = await fetch(`${profilesUrl}/$count`, { headers });
    const page = (await (await fetch(`${profilesUrl}?$count=true`, { headers })).json()) as Record<
      string,
      unknown
    >;

    assert.equal(counted.status, 200);
    assert.equal(page['@odata.count'], 0);
  });
});

describe('in a $batch, ConsistencyLevel goes on the batched request', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    await newGroup(client, 'Pilot ring');
  });
  after(() => service.dispose());

  test('each batched request is judged by its own headers', async () => {
    const batch = (await client.api('/$batch').post({
      requests: [
        { id: 'bare', method: 'GET', url: '/groups/$count' },
        {
          id: 'eventual',
          method: 'GET',
          url: '/groups/$count',
          headers: { ConsistencyLevel: 'eventual' },
        },
        {
          id: 'advanced',
          method: 'GET',
          url: "/groups?$filter=displayName ne 'x'&$count=true",
          headers: { ConsistencyLevel: 'eventual' },
        },
      ],
    })) as { responses: { id: string; status: number; body: unknown }[] };
    const byId = new Map(batch.responses.map((response) => [response.id, response]));

    assert.equal(byId.get('bare')?.status, 400);
    assert.equal(
      (byId.get('bare')?.body as { error: { code: string } }).error.code,
      'Request_UnsupportedQuery',
    );
    assert.equal(byId.get('eventual')?.status, 200);
    assert.equal(String(byId.get('eventual')?.body), '1');
    assert.equal(byId.get('advanced')?.status, 200);
    assert.equal((byId.get('advanced')?.body as Record<string, unknown>)['@odata.count'], 1);
  });
});
