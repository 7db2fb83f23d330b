// Graph's conventions as a client sees them: errors read as GraphError, the headers every
// response carries, the metadata document against Microsoft's, and the operational endpoints.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL } from '../../src/identity/index.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { summarizeCsdl } from './support/csdl-summary.js';
import { call, profilesPath } from './support/graph-fixtures.js';
import { graphClient as loopbackClient, graphErrorOf } from '../support/graph-client.js';

const profiles = '/deviceManagement/windowsDriverUpdateProfiles';
const specFile = fileURLToPath(
  new URL('../../../shared/spec/driver-update-profiles.beta.csdl.xml', import.meta.url),
);
const specSkipReason = existsSync(specFile)
  ? false
  : 'the shared spec (../shared/spec beside the checkout) is absent; metadata not compared';

let service: TestService;
let client: Client;
let token: string;

before(async () => {
  service = await startTestService();
  token = await service.token(tenantA);
  client = loopbackClient(service.url, token);
});

after(() => service.dispose());

describe('errors through the client', () => {
  const cases: [string, () => Promise<unknown>, number, string][] = [
    [
      'an unknown property on create',
      () => client.api(profiles).post({ displayName: 'x', approvalType: 'manual', colour: 'red' }),
      400,
      'BadRequest',
    ],
    [
      'a profile that does not exist',
      () => client.api(`${profiles}/00000000-0000-4000-8000-000000000000`).get(),
      404,
      'ResourceNotFound',
    ],
    [
      'an unsupported query option',
      () => client.api(profiles).query('$apply=x').get(),
      400,
      'BadRequest',
    ],
    [
      'a method the path does not take',
      () => client.api(profiles).put({}),
      405,
      'MethodNotAllowed',
    ],
  ];
  for (const [what, send, status, code] of cases) {
    test(`${what} reads as a GraphError with status ${status} and code ${code}`, async () => {
      const error = await graphErrorOf(send());

      assert.equal(error.statusCode, status);
      assert.equal(error.code, code);
      assert.ok(error.message.length > 0);
      assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
    });
  }

  test('a write with a Read.All token is a Forbidden GraphError naming what it needs', async () => {
    const reader = loopbackClient(
      service.url,
      await service.token(tenantA, { scopes: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL] }),
    );

    const error = await graphErrorOf(
      reader.api(profiles).post({ displayName: 'x', approvalType: 'manual' }),
    );
    const listed = (await reader.api(profiles).get()) as { value: unknown[] };

    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'Forbidden');
    assert.match(error.message, /ReadWrite\.All/);
    assert.ok(Array.isArray(listed.value));
  });
});

describe('headers', () => {
  test('every response has a request-id and echoes the client-request-id it was sent', async () => {
    const clientRequestId = 'c0ffee00-1234-4abc-8def-000000000001';

    const ok = await call(service, 'GET', profilesPath, {
      token,
      headers: { 'client-request-id': clientRequestId },
    });
    const missing = await call(service, 'GET', `${profilesPath}/nope`, { token });
    const health = await call(service, 'GET', '/health');

    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(ok.headers.get('client-request-id'), clientRequestId);
    assert.equal(missing.headers.get('client-request-id'), missing.headers.get('request-id'));
    const inner = (missing.json?.error as { innerError: Record<string, string> }).innerError;
    assert.equal(inner['request-id'], missing.headers.get('request-id'));
    assert.ok(health.headers.get('request-id'));
  });

  test('JSON responses, errors included, carry OData-Version 4.0', async () => {
    const list = await call(service, 'GET', profilesPath, { token });
    const error = await call(service, 'GET', `${profilesPath}/nope`, { token });
    const count = await call(service, 'GET', `${profilesPath}/$count`, { token });

    for (const response of [list, error]) {
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(response.headers.get('odata-version'), '4.0');
    }
    assert.match(count.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(count.text, '0');
  });
});

describe('$metadata', () => {
  test('is XML that needs no token', async () => {
    const response = await call(service, 'GET', '/beta/$metadata');

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(response.text, /^<\?xml [^>]*\?>\s*<edmx:Edmx Version="4\.0"/);
  });

  test(
    'names the entity types, properties, enums and actions of the shared spec',
    { skip: specSkipReason },
    async () => {
      const ours = summarizeCsdl((await call(service, 'GET', '/beta/$metadata')).text);
      const spec = summarizeCsdl(readFileSync(specFile, 'utf8'));

      assert.deepEqual(ours.enums, spec.enums);
      assert.deepEqual(ours.actions, spec.actions);
      // The spec is an excerpt: it names graph.entity as a base type without declaring it.
      const declaredBases = Object.keys(ours.entityTypes).filter(
        (name) => !(name in spec.entityTypes),
      );
      assert.deepEqual(declaredBases, ['entity']);
      assert.ok(spec.baseTypes.includes('microsoft.graph.entity'));
      for (const [name, facts] of Object.entries(spec.entityTypes)) {
        assert.deepEqual(ours.entityTypes[name], facts, `entity type ${name}`);
      }
      for (const [name, facts] of Object.entries(ours.complexTypes)) {
        assert.deepEqual(facts, spec.complexTypes[name], `complex type ${name}`);
      }
    },
  );
});

describe('operational endpoints', () => {
  test('/health and /ready answer without a token', async () => {
    const health = await call(service, 'GET', '/health');
    const ready = await call(service, 'GET', '/ready');

    assert.deepEqual([health.status, health.json], [200, { status: 'ok' }]);
    assert.deepEqual([ready.status, ready.json], [200, { status: 'ready' }]);
  });
});
