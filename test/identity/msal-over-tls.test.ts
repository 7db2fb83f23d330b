// MSAL Node and azure-identity get tokens from the built-in issuer over TLS, trusting the
// development CA through NODE_EXTRA_CA_CERTS as the README tells users to, and the official
// Graph client then reaches every endpoint with that token.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import {
  addApp,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
} from '../../src/identity/index.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';

const run = promisify(execFile);
const walkScript = fileURLToPath(new URL('./support/graph-walk.ts', import.meta.url));

let service: TestService;
let credentials: { clientId: string; clientSecret: string };

before(async () => {
  service = await startTestService({ tlsSelfSigned: true });
  const created = await addApp(service.store.db, {
    tenantId: tenantA,
    displayName: 'walker',
    roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL],
    now: new Date(),
  });
  credentials = { clientId: created.app.clientId, clientSecret: created.clientSecret };
});

after(() => service.dispose());

async function walk(library: 'msal' | 'azure-identity') {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      walkScript,
      library,
      service.url,
      tenantA,
      credentials.clientId,
      credentials.clientSecret,
    ],
    {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: service.tlsCaFile ?? '' },
      timeout: 60_000,
    },
  );

  return JSON.parse(stdout) as { tokenParts: number; results: Record<string, number | string> };
}

const expected = {
  'list profiles': 200,
  'count profiles': 200,
  'get profile': 200,
  'get profile by key in parentheses': 200,
  'update profile': 200,
  'list assignments': 200,
  'get assignment': 200,
  'update assignment': 200,
  'replace assignments': 204,
  'sync inventory': 204,
  'list driver inventories': 200,
  'execute action': 200,
  'delete profile': 204,
  'get deleted profile': 404,
};

describe('the built-in issuer over TLS', () => {
  test('serves https with the development certificate', () => {
    assert.match(service.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(service.tlsCaFile?.endsWith('ca.pem'));
  });

  test('gives MSAL Node a token that the Graph client uses on every endpoint', async () => {
    const { tokenParts, results } = await walk('msal');

    assert.equal(tokenParts, 3);
    assert.deepEqual(results, expected);
  });

  test('gives azure-identity a token that the Graph client uses on every endpoint', async () => {
    const { tokenParts, results } = await walk('azure-identity');

    assert.equal(tokenParts, 3);
    assert.deepEqual(results, expected);
  });
});
