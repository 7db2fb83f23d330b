// Tokens a well-behaved issuer never produces, sent over HTTP: each is refused with the right
// status and Graph code before any handler runs, and the message never repeats the token.
import assert from 'node:assert/strict';
import { exportSPKI } from 'jose';
import { after, before, describe, test } from 'node:test';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  type KeyRing,
  loadOrCreateSigningKeys,
  PERSONAL_ACCOUNT_TENANT_ID,
} from '../../src/identity/index.js';
import { delegatedClaims, encodePart, signHs256, signRs256 } from '../identity/token-fixtures.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { call, dumpStore, profilesPath } from './support/graph-fixtures.js';

let service: TestService;
let ring: KeyRing;

before(async () => {
  service = await startTestService();
  ring = await loadOrCreateSigningKeys(service.dataDir);
});

after(() => service.dispose());

/** Claims of a valid delegated token for this service, at the real clock. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const tid = (overrides.tid as string | undefined) ?? tenantA;

  return delegatedClaims({
    tid,
    iss: `${service.url}/${tid}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  });
}

function signed(payload: object, header: Record<string, unknown> = {}): Promise<string> {
  return signRs256(
    { alg: 'RS256', typ: 'JWT', kid: ring.active.kid, ...header },
    payload,
    ring.active.privateKey,
  );
}

interface TokenCase {
  readonly name: string;
  /** The Authorization header, or null to send none. */
  readonly authorization: () => Promise<string | null>;
  readonly status: 401 | 403;
  readonly reason: RegExp;
  readonly write?: boolean;
}

const bearer = async (token: Promise<string> | string) => `Bearer ${await token}`;
const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

const cases: TokenCase[] = [
  {
    name: 'no Authorization header',
    authorization: async () => null,
    status: 401,
    reason: /empty/,
  },
  {
    name: 'a Basic scheme',
    authorization: async () => 'Basic dXNlcjpwYXNz',
    status: 401,
    reason: /Bearer scheme/,
  },
  {
    name: 'an empty bearer token',
    authorization: async () => 'Bearer ',
    status: 401,
    reason: /empty/,
  },
  {
    name: 'a token that is not a JWT',
    authorization: () => bearer('not-a-jwt'),
    status: 401,
    reason: /three parts/,
  },
  {
    name: 'a token with a garbage header',
    authorization: () => bearer('e30x.e30.e30'),
    status: 401,
    reason: /header/,
  },
  {
    name: 'an expired token',
    authorization: () =>
      bearer(
        signed(claims({ iat: now() - 3 * hour, nbf: now() - 3 * hour, exp: now() - 2 * hour })),
      ),
    status: 401,
    reason: /expired/,
  },
  {
    name: 'a token not yet valid',
    authorization: () => bearer(signed(claims({ nbf: now() + hour, exp: now() + 2 * hour }))),
    status: 401,
    reason: /not valid yet/,
  },
  {
    name: 'a token for another audience',
    authorization: () => bearer(signed(claims({ aud: 'https://management.azure.com' }))),
    status: 401,
    reason: /audience/,
  },
  {
    name: 'a token from another issuer',
    authorization: () =>
      bearer(signed(claims({ iss: `https://login.microsoftonline.com/${tenantA}/v2.0` }))),
    status: 401,
    reason: /issuer/,
  },
  {
    name: 'an unsigned token (alg none)',
    authorization: async () =>
      `Bearer ${encodePart({ alg: 'none', typ: 'JWT' })}.${encodePart(claims())}.`,
    status: 401,
    reason: /unsigned/,
  },
  {
    name: 'an HS256 token keyed with the public key',
    authorization: async () =>
      bearer(
        signHs256(
          { alg: 'HS256', typ: 'JWT', kid: ring.active.kid },
          claims(),
          await exportSPKI(ring.active.publicKey),
        ),
      ),
    status: 401,
    reason: /RS256/,
  },
  {
    name: 'a token whose payload was changed after signing',
    authorization: async () => {
      const [header, , signature] = (await signed(claims({ scp: 'User.Read' }))).split('.');
      const payload = encodePart(claims({ scp: DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL }));

      return `Bearer ${header}.${payload}.${signature}`;
    },
    status: 401,
    reason: /signature/,
  },
  {
    name: 'a token signed by an unknown key id',
    authorization: () => bearer(signed(claims(), { kid: 'not-our-key' })),
    status: 401,
    reason: /unknown or retired key/,
  },
  {
    name: 'a token with its own embedded key',
    authorization: () => bearer(signed(claims(), { jwk: { kty: 'RSA' } })),
    status: 401,
    reason: /names its own key/,
  },
  {
    name: 'a token without a tenant',
    authorization: () => bearer(signed(claims({ tid: undefined }))),
    status: 401,
    reason: /tenant id/,
  },
  {
    name: 'a token without permissions of any kind',
    authorization: () => bearer(signed(claims({ scp: undefined }))),
    status: 401,
    reason: /no scp, roles/,
  },
  {
    name: 'a Read.All token on a write',
    authorization: async () =>
      bearer(service.token(tenantA, { scopes: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL] })),
    status: 403,
    reason: /ReadWrite\.All/,
    write: true,
  },
  {
    name: 'an application token with an unrelated role',
    authorization: async () => bearer(service.token(tenantA, { roles: ['User.Read.All'] })),
    status: 403,
    reason: /DeviceManagementConfiguration/,
  },
  {
    name: 'an application token with Read.All on a write',
    authorization: () =>
      bearer(service.token(tenantA, { roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL] })),
    status: 403,
    reason: /ReadWrite\.All/,
    write: true,
  },
  {
    name: 'a personal Microsoft account',
    authorization: () => bearer(signed(claims({ tid: PERSONAL_ACCOUNT_TENANT_ID }))),
    status: 403,
    reason: /Personal Microsoft accounts/,
  },
];

describe('tokens over HTTP', () => {
  for (const item of cases) {
    const code = item.status === 401 ? 'InvalidAuthenticationToken' : 'Forbidden';
    test(`${item.name} is refused with ${item.status} ${code}`, async () => {
      const authorization = await item.authorization();
      const storeBefore = await dumpStore(service);

      const response = await call(service, item.write ? 'POST' : 'GET', profilesPath, {
        headers: authorization === null ? {} : { authorization },
        ...(item.write && { body: { displayName: 'Not allowed', approvalType: 'manual' } }),
      });
      const error = response.json?.error as { code: string; message: string } | undefined;

      assert.equal(response.status, item.status, response.text);
      assert.equal(error?.code, code);
      assert.match(error.message, item.reason);
      for (const part of authorization?.replace(/^\S+\s*/, '').split('.') ?? []) {
        if (part.length > 8)
          assert.ok(!error.message.includes(part), 'the message quotes the token');
      }
      assert.equal(await dumpStore(service), storeBefore);
    });
  }

  test('a token is needed even on a path that matches no route', async () => {
    const response = await call(service, 'GET', '/beta/deviceManagement/nothingHere');

    assert.equal(response.status, 401);
    assert.equal((response.json?.error as { code: string }).code, 'InvalidAuthenticationToken');
  });

  test('a valid token built the same way is accepted, so each refusal is its flaw', async () => {
    const response = await call(service, 'GET', profilesPath, {
      headers: { authorization: await bearer(signed(claims())) },
    });

    assert.equal(response.status, 200, response.text);
  });
});
