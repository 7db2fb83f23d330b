// The built-in issuer's endpoints over plain HTTP: discovery, keys, the client-credentials grant
// with its Entra-shaped errors, secret rotation, and key rotation seen by a running server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  addApp,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  removeApp,
  rotateAppSecret,
  rotateSigningKeys,
} from '../../src/identity/index.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';

const profiles = '/beta/deviceManagement/windowsDriverUpdateProfiles';
const scope = 'https://graph.microsoft.com/.default';

let service: TestService;
let app: { clientId: string; clientSecret: string };

before(async () => {
  service = await startTestService();
  const created = await addApp(service.store.db, {
    tenantId: tenantA,
    displayName: 'reader',
    roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL],
    now: new Date(),
  });
  app = { clientId: created.app.clientId, clientSecret: created.clientSecret };
});

after(() => service.dispose());

async function requestToken(
  fields: Record<string, string>,
  options: { tenant?: string; basic?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.basic) headers.authorization = `Basic ${options.basic}`;
  const response = await fetch(`${service.url}/${options.tenant ?? tenantA}/oauth2/v2.0/token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  });

  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const grant = (overrides: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: app.clientId,
  client_secret: app.clientSecret,
  scope,
  ...overrides,
});

async function graphStatus(token: unknown): Promise<number> {
  const response = await fetch(`${service.url}${profiles}`, {
    headers: { authorization: `Bearer ${String(token)}` },
  });

  return response.status;
}

describe('the discovery endpoints', () => {
  test('describe the tenant issuer with the endpoints MSAL requires', async () => {
    const response = await fetch(`${service.url}/${tenantA}/v2.0/.well-known/openid-configuration`);
    const body = (await response.json()) as Record<string, string>;

    assert.equal(response.status, 200);
    assert.equal(body.issuer, `${service.url}/${tenantA}/v2.0`);
    assert.equal(body.token_endpoint, `${service.url}/${tenantA}/oauth2/v2.0/token`);
    assert.equal(body.jwks_uri, `${service.url}/${tenantA}/discovery/v2.0/keys`);
    assert.ok(body.authorization_endpoint);
  });

  test('publish the signing keys without private members', async () => {
    const response = await fetch(`${service.url}/${tenantA}/discovery/v2.0/keys`);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };

    assert.equal(keys.length, 1);
    assert.equal(keys[0]!.kty, 'RSA');
    assert.ok(keys[0]!.kid && keys[0]!.n && !('d' in keys[0]!));
  });

  test('answer a tenant that is not a GUID with an Entra-shaped error', async () => {
    const response = await fetch(
      `${service.url}/contoso.example/v2.0/.well-known/openid-configuration`,
    );
    const body = (await response.json()) as Record<string, unknown>;

    assert.equal(response.status, 400);
    assert.equal(body.error, 'invalid_request');
    assert.deepEqual(body.error_codes, [90002]);
    for (const field of ['error_description', 'timestamp', 'trace_id', 'correlation_id']) {
      assert.equal(typeof body[field], 'string', field);
    }
  });
});

describe('the token endpoint', () => {
  test('gives a registered app a token with its roles that Graph accepts', async () => {
    const { status, body } = await requestToken(grant());
    const claims = JSON.parse(
      Buffer.from(String(body.access_token).split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;

    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 3600);
    assert.deepEqual(claims.roles, [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL]);
    assert.equal(claims.azp, app.clientId);
    assert.equal(claims.tid, tenantA);
    assert.equal(await graphStatus(body.access_token), 200);
  });

  test('accepts the credentials in HTTP Basic', async () => {
    const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64');
    const { status } = await requestToken({ grant_type: 'client_credentials', scope }, { basic });

    assert.equal(status, 200);
  });

  test('refuses a wrong secret with invalid_client and never echoes the secret', async () => {
    const { status, body } = await requestToken(grant({ client_secret: 'not-the-secret-at-all' }));

    assert.equal(status, 401);
    assert.equal(body.error, 'invalid_client');
    assert.deepEqual(body.error_codes, [7000215]);
    assert.ok(!JSON.stringify(body).includes('not-the-secret-at-all'));
  });

  test('refuses an app registered in another tenant as unknown there', async () => {
    const { status, body } = await requestToken(grant(), { tenant: tenantB });

    assert.equal(status, 400);
    assert.equal(body.error, 'unauthorized_client');
    assert.deepEqual(body.error_codes, [700016]);
  });

  test('refuses other grants, missing parameters and scopes without /.default', async () => {
    const cases: [Record<string, string>, string, number][] = [
      [grant({ grant_type: 'password' }), 'unsupported_grant_type', 70003],
      [grant({ grant_type: '' }), 'invalid_request', 900144],
      [grant({ scope: 'https://graph.microsoft.com/User.Read' }), 'invalid_scope', 1002012],
      [grant({ scope: 'https://management.azure.com/.default' }), 'invalid_resource', 500011],
    ];
    for (const [fields, error, code] of cases) {
      const { status, body } = await requestToken(fields);

      assert.equal(status, 400, error);
      assert.equal(body.error, error);
      assert.deepEqual(body.error_codes, [code]);
    }
  });
});

describe('app secrets', () => {
  test('stop working at once when rotated without overlap', async () => {
    const created = await addApp(service.store.db, {
      tenantId: tenantA,
      displayName: 'rotating',
      roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL],
      now: new Date(),
    });
    const clientId = created.app.clientId;
    const rotated = await rotateAppSecret(service.store.db, {
      tenantId: tenantA,
      clientId,
      overlapSeconds: 0,
      now: new Date(),
    });
    const old = await requestToken(
      grant({ client_id: clientId, client_secret: created.clientSecret }),
    );
    const fresh = await requestToken(
      grant({ client_id: clientId, client_secret: rotated!.clientSecret }),
    );

    assert.equal(old.status, 401);
    assert.equal(fresh.status, 200);
  });

  test('keep the old secret working during an overlap', async () => {
    const created = await addApp(service.store.db, {
      tenantId: tenantA,
      displayName: 'overlapping',
      roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL],
      now: new Date(),
    });
    const clientId = created.app.clientId;
    await rotateAppSecret(service.store.db, {
      tenantId: tenantA,
      clientId,
      overlapSeconds: 600,
      now: new Date(),
    });
    const old = await requestToken(
      grant({ client_id: clientId, client_secret: created.clientSecret }),
    );

    assert.equal(old.status, 200);
  });

  test('are unusable once the app is removed', async () => {
    const created = await addApp(service.store.db, {
      tenantId: tenantA,
      displayName: 'removed',
      roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL],
      now: new Date(),
    });
    const clientId = created.app.clientId;
    assert.ok(await removeApp(service.store.db, tenantA, clientId));
    const { status } = await requestToken(
      grant({ client_id: clientId, client_secret: created.clientSecret }),
    );

    assert.equal(status, 400);
  });

  test('are stored only as salted scrypt hashes', async () => {
    const rows = await service.store.db
      .withTables<{ app_registrations: { secret_hash: string } }>()
      .selectFrom('app_registrations')
      .select('secret_hash')
      .execute();

    assert.ok(rows.length > 0);
    for (const { secret_hash: hash } of rows) {
      assert.match(hash, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      assert.ok(!hash.includes(app.clientSecret));
    }
  });
});

describe('a signing key rotation', () => {
  test('reaches the running server, which takes old and new tokens', async () => {
    const before = await requestToken(grant());
    await rotateSigningKeys(service.dataDir, { now: new Date() });
    // The server re-reads the ring at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const afterRotation = await requestToken(grant());
    const published = (await (
      await fetch(`${service.url}/${tenantA}/discovery/v2.0/keys`)
    ).json()) as { keys: { kid: string }[] };
    const kidOf = (token: unknown) =>
      (
        JSON.parse(Buffer.from(String(token).split('.')[0]!, 'base64url').toString()) as {
          kid: string;
        }
      ).kid;

    assert.notEqual(kidOf(before.body.access_token), kidOf(afterRotation.body.access_token));
    assert.equal(await graphStatus(before.body.access_token), 200);
    assert.equal(await graphStatus(afterRotation.body.access_token), 200);
    assert.deepEqual(
      published.keys.map((key) => key.kid).sort(),
      [kidOf(before.body.access_token), kidOf(afterRotation.body.access_token)].sort(),
    );
  });
});
