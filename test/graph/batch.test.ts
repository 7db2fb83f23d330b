import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';

let service: TestService;
let token: string;
const profiles = '/deviceManagement/windowsDriverUpdateProfiles';

before(async () => {
  service = await startTestService();
  token = await service.token(tenantA);
});
after(() => service.dispose());

function batchRequest(
  id: string,
  method: string,
  path: string,
  body?: unknown,
  dependsOn?: string[],
) {
  return {
    id,
    request: new Request(`${service.url}/beta${path}`, {
      method,
      ...(body !== undefined && {
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      }),
    }),
    ...(dependsOn && { dependsOn }),
  };
}

test('a batch built with the official client runs each request and answers per id', async () => {
  const content = new BatchRequestContent([
    batchRequest('create', 'POST', profiles, { displayName: 'Batched', approvalType: 'manual' }),
    batchRequest('list', 'GET', `${profiles}?$select=displayName`),
    batchRequest('bad', 'POST', profiles, { displayName: 'No approval type' }),
  ]);
  const raw = await graphClient(service.url, token)
    .api('/$batch')
    .post(await content.getContent());
  const responses = new BatchResponseContent(raw);

  assert.equal(responses.getResponseById('create')?.status, 201);
  assert.equal(responses.getResponseById('list')?.status, 200);
  const bad = responses.getResponseById('bad')!;
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'BadRequest');
});

test('a request whose dependency failed is not run and answers 424', async () => {
  const content = new BatchRequestContent([
    batchRequest('bad', 'POST', profiles, { displayName: 'No approval type' }),
    batchRequest('after', 'POST', profiles, { displayName: 'Never', approvalType: 'manual' }, [
      'bad',
    ]),
  ]);
  const raw = await graphClient(service.url, token)
    .api('/$batch')
    .post(await content.getContent());
  const responses = new BatchResponseContent(raw);
  const list = await graphClient(service.url, token)
    .api(`${profiles}?$filter=displayName eq 'Never'`)
    .get();

  assert.equal(responses.getResponseById('after')?.status, 424);
  assert.deepEqual(list.value, []);
});

test('each batched request is checked against the caller’s own token', async () => {
  const reader = await service.token(tenantA, {
    scopes: ['DeviceManagementConfiguration.Read.All'],
  });
  const content = new BatchRequestContent([
    batchRequest('write', 'POST', profiles, { displayName: 'Denied', approvalType: 'manual' }),
  ]);
  const raw = await graphClient(service.url, reader)
    .api('/$batch')
    .post(await content.getContent());

  assert.equal(new BatchResponseContent(raw).getResponseById('write')?.status, 403);
});

test('malformed batches are refused whole', async () => {
  const client = graphClient(service.url, token);
  const tooMany = Array.from({ length: 21 }, (_, i) => ({
    id: `${i}`,
    method: 'GET',
    url: profiles,
  }));
  const cases: unknown[] = [
    { requests: tooMany },
    { requests: [] },
    { requests: [{ id: '1', method: 'GET', url: 'https://evil.example/x' }] },
    { requests: [{ id: '1', method: 'GET', url: '/$batch' }] },
    {
      requests: [
        { id: '1', method: 'GET', url: profiles },
        { id: '1', method: 'GET', url: profiles },
      ],
    },
    { requests: [{ id: '1', method: 'POST', url: profiles, body: {} }] },
    { requests: [{ id: '1', method: 'GET', url: profiles, dependsOn: ['2'] }] },
  ];
  for (const body of cases) {
    await assert.rejects(client.api('/$batch').post(body), (error: { statusCode?: number }) => {
      assert.equal(error.statusCode, 400, JSON.stringify(body).slice(0, 120));

      return true;
    });
  }
});
