// Issuers other than the built-in one: a JWKS served by a listener in the test, a JWKS file for
// air-gapped sites, Entra's v1 issuer form, and the hostile tokens such issuers invite.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import {
  createKeyRing,
  createTokenVerifier,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  generateSigningKey,
  loadOrCreateSigningKeys,
  loadTrustedIssuers,
  mintToken,
  PERSONAL_ACCOUNT_TENANT_ID,
  rotateSigningKeys,
  watchKeyRingFile,
} from '../../src/identity/index.js';
import { startTestService, type TestService } from '../support/service.js';
import {
  assertRefused,
  encodePart,
  now,
  otherTenantId,
  publicUrl,
  signRs256,
  tenantId,
} from './token-fixtures.js';

interface Listener {
  readonly server: Server;
  readonly url: string;
  readonly requests: string[];
}

async function listen(body: () => string): Promise<Listener> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.setHeader('content-type', 'application/json');
    response.end(body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

async function keyPair(kid: string): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });

  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const seconds = Math.floor(now.getTime() / 1000);
const appClaims = (iss: string, overrides: Record<string, unknown> = {}) => ({
  iss,
  aud: 'https://graph.microsoft.com',
  iat: seconds,
  nbf: seconds,
  exp: seconds + 3600,
  tid: tenantId,
  oid: '5d2f8a41-93c6-4b7e-a0d1-6e4c2b9f8a13',
  azp: '9a1b6f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  ver: '2.0',
  roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL],
  ...overrides,
});

let folder: string;
let jwksServer: Listener;
let trap: Listener;
let idp: { privateKey: CryptoKey; jwk: JWK };
let airGapped: { privateKey: CryptoKey; jwk: JWK };
let weakJwk: JWK;
let weakKey: ReturnType<typeof generateKeyPairSync>['privateKey'];
let idpIssuer: string;
const v1Issuer = 'https://sts.windows.net/{tid}/';
let verify: (token: string) => ReturnType<ReturnType<typeof createTokenVerifier>['verify']>;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'drivergraph-issuers-'));
  idp = await keyPair('idp-1');
  airGapped = await keyPair('air-1');
  const weak = generateKeyPairSync('rsa', { modulusLength: 512 });
  weakKey = weak.privateKey;
  weakJwk = { ...(weak.publicKey.export({ format: 'jwk' }) as JWK), kid: 'weak', alg: 'RS256' };
  jwksServer = await listen(() => JSON.stringify({ keys: [idp.jwk, weakJwk] }));
  trap = await listen(() => JSON.stringify({ keys: [] }));
  idpIssuer = `${jwksServer.url}/{tid}/v2.0`;
  const keysFile = join(folder, 'air-gapped-keys.json');
  await writeFile(keysFile, JSON.stringify({ keys: [airGapped.jwk] }));

  const trustedIssuers = await loadTrustedIssuers([
    { issuer: idpIssuer, jwks: { kind: 'url', url: `${jwksServer.url}/keys` }, tenants: null },
    { issuer: v1Issuer, jwks: { kind: 'file', path: keysFile }, tenants: [tenantId] },
  ]);
  const ring = createKeyRing(await generateSigningKey(now));
  const verifier = createTokenVerifier({ ring, publicUrl, trustedIssuers, now: () => now });
  verify = (token) => verifier.verify(`Bearer ${token}`);
});

after(async () => {
  await new Promise((resolve) => jwksServer.server.close(resolve));
  await new Promise((resolve) => trap.server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

const idpToken = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  signRs256({ alg: 'RS256', typ: 'JWT', kid: 'idp-1', ...header }, claims, idp.privateKey);
const forTenant = (template: string, tid = tenantId) => template.replace('{tid}', tid);

describe('a trusted external issuer', () => {
  test('has its tokens accepted through its JWKS URL', async () => {
    const principal = await verify(await idpToken(appClaims(forTenant(idpIssuer))));

    assert.equal(principal.kind, 'application');
    assert.equal(principal.tenantId, tenantId);
    assert.ok(principal.roles.has(DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL));
    assert.ok(jwksServer.requests.includes('/keys'));
  });

  test("has Entra's v1 issuer form accepted from a local key file", async () => {
    const claims = appClaims(forTenant(v1Issuer), { ver: '1.0', azp: undefined, appid: 'a' });
    const token = await signRs256({ alg: 'RS256', kid: 'air-1' }, claims, airGapped.privateKey);

    assert.equal((await verify(token)).tenantId, tenantId);
  });

  test('refuses a tenant it was not configured to admit', async () => {
    const claims = appClaims(forTenant(v1Issuer, otherTenantId), {
      tid: otherTenantId,
      ver: '1.0',
    });
    const token = await signRs256({ alg: 'RS256', kid: 'air-1' }, claims, airGapped.privateKey);

    await assertRefused(verify(token), 'invalidToken', /not admitted/, token);
  });
});

describe('a hostile or foreign token', () => {
  test('is refused when well formed but from an issuer nobody trusts', async () => {
    const token = await idpToken(appClaims(`https://evil.example/${tenantId}/v2.0`));

    await assertRefused(verify(token), 'invalidToken', /does not trust/, token);
  });

  test("is refused when its kid names another issuer's key", async () => {
    const token = await signRs256(
      { alg: 'RS256', kid: 'air-1' },
      appClaims(forTenant(idpIssuer)),
      airGapped.privateKey,
    );

    await assertRefused(verify(token), 'invalidToken', /does not publish/, token);
  });

  test('is refused when iss and tid name different tenants', async () => {
    const token = await idpToken(appClaims(forTenant(idpIssuer, otherTenantId)));

    await assertRefused(verify(token), 'invalidToken', /issuer/, token);
  });

  test('is refused when its issuer publishes a 512-bit RSA key', async () => {
    const payload = encodePart(appClaims(forTenant(idpIssuer)));
    const input = `${encodePart({ alg: 'RS256', kid: 'weak' })}.${payload}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), weakKey).toString('base64url')}`;

    await assertRefused(verify(token), 'invalidToken', /shorter than 2048/, token);
  });

  test('is refused when its header has critical extensions', async () => {
    const token = await idpToken(appClaims(forTenant(idpIssuer)), { crit: ['b64'], b64: true });

    await assertRefused(verify(token), 'invalidToken', /crit/, token);
  });

  test('is refused without a request to the jku or x5u it names', async () => {
    for (const name of ['jku', 'x5u']) {
      const token = await idpToken(appClaims(forTenant(idpIssuer)), { [name]: `${trap.url}/k` });
      await assertRefused(verify(token), 'invalidToken', /names its own/, token);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));

    assert.deepEqual(trap.requests, []);
  });

  test('is refused unread at 100 KB', async () => {
    const token = await idpToken(appClaims(forTenant(idpIssuer), { padding: 'x'.repeat(102_400) }));

    await assertRefused(verify(token), 'invalidToken', /longer than/);
  });

  test('is refused with 403 when it belongs to a personal Microsoft account', async () => {
    const claims = appClaims(forTenant(idpIssuer, PERSONAL_ACCOUNT_TENANT_ID), {
      tid: PERSONAL_ACCOUNT_TENANT_ID,
    });

    await assertRefused(verify(await idpToken(claims)), 'personalAccount', /Personal Microsoft/);
  });

  test('is refused when it carries no tenant id', async () => {
    const token = await idpToken(appClaims(forTenant(idpIssuer), { tid: undefined }));

    await assertRefused(verify(token), 'invalidToken', /tid/, token);
  });
});

describe('a rotated built-in key', () => {
  test('keeps verifying the tokens it signed until they have expired, then not', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-rotation-'));
    try {
      const ring = await loadOrCreateSigningKeys(dataDir, { now });
      const token = await mintToken(ring, {
        publicUrl,
        tenantId,
        scopes: ['x'],
        lifetimeSeconds: 24 * 3600,
        now,
      });
      await rotateSigningKeys(dataDir, { now });
      let clock = now;
      const keys = watchKeyRingFile(dataDir, ring, { checkIntervalMs: 0 });
      const verifier = createTokenVerifier({ ring, keys, publicUrl, now: () => clock });

      assert.equal((await verifier.verify(`Bearer ${token}`)).tenantId, tenantId);
      assert.notEqual((await keys.refresh()).active.kid, ring.active.kid);
      clock = new Date(now.getTime() + (24 * 3600 + 301) * 1000);
      await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /expired|retired/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a service configured to trust an external issuer', () => {
  let service: TestService;

  before(async () => {
    service = await startTestService({
      trustIssuer: idpIssuer,
      trustJwks: `${jwksServer.url}/keys`,
    });
  });

  after(() => service.dispose());

  test('serves Graph to its tokens and refuses untrusted ones', async () => {
    const fresh = Math.floor(Date.now() / 1000);
    const claims = { iat: fresh, nbf: fresh, exp: fresh + 600 };
    const trusted = await idpToken(appClaims(forTenant(idpIssuer), claims));
    const stranger = await idpToken(appClaims(`https://evil.example/${tenantId}/v2.0`, claims));
    const status = async (token: string) =>
      (
        await fetch(`${service.url}/beta/deviceManagement/windowsDriverUpdateProfiles`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;

    assert.equal(await status(trusted), 200);
    assert.equal(await status(stranger), 401);
  });
});
