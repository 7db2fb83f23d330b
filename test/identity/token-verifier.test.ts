import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import {
  createKeyRing,
  createTokenVerifier,
  DEFAULT_CLIENT_APP_ID,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  generateSigningKey,
  mintToken,
  PERSONAL_ACCOUNT_TENANT_ID,
  requirePermission,
} from '../../src/identity/index.js';
import {
  assertRefused,
  delegatedClaims,
  encodePart,
  now,
  otherTenantId,
  publicUrl,
  signHs256,
  signRs256,
  tenantId,
} from './token-fixtures.js';

const ring = createKeyRing(await generateSigningKey(now));
const stranger = await generateSigningKey(now);
const verifier = createTokenVerifier({ ring, publicUrl, now: () => now });
const header = { alg: 'RS256', typ: 'JWT', kid: ring.active.kid };

function mint(options: Partial<Parameters<typeof mintToken>[1]> = {}) {
  return mintToken(ring, { publicUrl, tenantId, lifetimeSeconds: 3600, now, ...options });
}

function signed(claims: Record<string, unknown>, extraHeader: Record<string, unknown> = {}) {
  return signRs256({ ...header, ...extraHeader }, claims, ring.active.privateKey);
}

describe('a valid token', () => {
  test('verifies to the delegated user, tenant, app and scopes it names', async () => {
    const token = await mint({ scopes: ['A.Read', 'B.Write'], user: 'pat@contoso.example' });
    const principal = await verifier.verify(`Bearer ${token}`);

    assert.equal(principal.kind, 'delegated');
    assert.equal(principal.tenantId, tenantId);
    assert.equal(principal.appId, DEFAULT_CLIENT_APP_ID);
    assert.equal(principal.user, 'pat@contoso.example');
    assert.deepEqual([...principal.scopes], ['A.Read', 'B.Write']);
    assert.equal(principal.roles.size, 0);
    assert.equal(principal.deviceId, null);
    assert.match(principal.objectId, /^[0-9a-f-]{36}$/);
  });

  test('gives the same user the same object id in every token', async () => {
    const first = await verifier.verify(`Bearer ${await mint({ scopes: ['x'], user: 'a@b.c' })}`);
    const second = await verifier.verify(`Bearer ${await mint({ scopes: ['y'], user: 'A@b.c' })}`);
    const other = await verifier.verify(`Bearer ${await mint({ scopes: ['x'], user: 'z@b.c' })}`);

    assert.equal(first.objectId, second.objectId);
    assert.notEqual(first.objectId, other.objectId);
  });

  test('verifies an application token to its roles', async () => {
    const appId = '9a1b6f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
    const token = await mint({ roles: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL], appId });
    const principal = await verifier.verify(`Bearer ${token}`);

    assert.equal(principal.kind, 'application');
    assert.equal(principal.appId, appId);
    assert.deepEqual([...principal.roles], [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL]);
    assert.equal(principal.scopes.size, 0);
    assert.equal(principal.user, null);
  });

  test('verifies a device token to its device id', async () => {
    const token = await mint({ deviceId: '7f9c2a4e-0d1b-4c8e-9f3a-2b6d4e8c1a07' });
    const principal = await verifier.verify(`bearer ${token}`);

    assert.equal(principal.kind, 'device');
    assert.equal(principal.deviceId, '7f9c2a4e-0d1b-4c8e-9f3a-2b6d4e8c1a07');
  });

  test("accepts the server's own URL as audience", async () => {
    const token = await signed(delegatedClaims({ aud: publicUrl }));

    assert.equal((await verifier.verify(`Bearer ${token}`)).kind, 'delegated');
  });

  test('is accepted up to five minutes after expiry, for clock skew', async () => {
    const token = await mint({ scopes: ['x'], now: new Date(now.getTime() - 3890_000) });

    assert.equal((await verifier.verify(`Bearer ${token}`)).tenantId, tenantId);
  });
});

describe('the Authorization header', () => {
  test('is refused as missing when absent, empty or a bare Bearer', async () => {
    for (const value of [undefined, '', '   ', 'Bearer', 'Bearer   ']) {
      await assertRefused(verifier.verify(value), 'missingToken', null);
    }
  });

  test('is refused when it uses another scheme', async () => {
    await assertRefused(verifier.verify('Basic dXNlcjpwYXNz'), 'invalidToken', /Bearer scheme/);
  });

  test('is refused unread when it is 100 KB long', async () => {
    const token = await signed(delegatedClaims({ padding: 'x'.repeat(100 * 1024) }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /longer than 16384/);
  });
});

describe('a malformed token', () => {
  const claims = encodePart(delegatedClaims());

  test('is refused when it does not have three parts', async () => {
    for (const token of ['abc', 'a.b', 'a.b.c.d']) {
      await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /three parts/);
    }
  });

  test('is refused when a part is not base64url', async () => {
    const badHeader = `${encodePart(header).slice(0, -2)}*!.${claims}.sig`;
    const badPayload = `${encodePart(header)}.${claims}$.c2ln`;

    await assertRefused(verifier.verify(`Bearer ${badHeader}`), 'invalidToken', /header/);
    await assertRefused(verifier.verify(`Bearer ${badPayload}`), 'invalidToken', /base64url/);
  });

  test('is refused when its header is not JSON', async () => {
    const token = `${encodePart('{"alg":"RS256",')}.${claims}.c2ln`;

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /JSON object/);
  });

  test('is refused when its signed payload is not JSON', async () => {
    const token = await signRs256(header, '{"tid": broken', ring.active.privateKey);

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /malformed/, token);
  });
});

describe('a token whose lifetime or audience does not fit', () => {
  test('is refused once expired beyond the allowed skew', async () => {
    const token = await mint({ scopes: ['x'], now: new Date(now.getTime() - 2 * 3600_000) });

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /expired/, token);
  });

  test('is refused before it becomes valid', async () => {
    const token = await mint({ scopes: ['x'], now: new Date(now.getTime() + 600_000) });

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /not valid yet/, token);
  });

  test('is refused when meant for another audience', async () => {
    const token = await signed(delegatedClaims({ aud: 'https://management.azure.com' }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /audience/, token);
  });

  test('is refused when it has no expiry', async () => {
    const token = await signed(delegatedClaims({ exp: undefined }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /no exp claim/, token);
  });
});

describe('a token from the wrong issuer or tenant', () => {
  test('is refused when issued by Entra ID rather than this server', async () => {
    const iss = `https://login.microsoftonline.com/${tenantId}/v2.0`;
    const token = await signed(delegatedClaims({ iss }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /issuer/, token);
  });

  test('is refused when iss names another tenant than tid', async () => {
    const token = await signed(delegatedClaims({ iss: `${publicUrl}/${otherTenantId}/v2.0` }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /issuer/, token);
  });

  test('is refused when it has no tenant id', async () => {
    const token = await signed(delegatedClaims({ tid: undefined }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /tid/, token);
  });

  test('is refused when the tenant id is not a GUID', async () => {
    const token = await signed(
      delegatedClaims({ tid: 'contoso', iss: `${publicUrl}/contoso/v2.0` }),
    );

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /tid/, token);
  });

  test('is refused with 403 when it belongs to a personal Microsoft account', async () => {
    const token = await mint({ tenantId: PERSONAL_ACCOUNT_TENANT_ID, scopes: ['x'] });

    await assertRefused(verifier.verify(`Bearer ${token}`), 'personalAccount', /Personal/);
  });

  test('is refused when it carries both scp and roles', async () => {
    const token = await signed(delegatedClaims({ roles: ['x'] }));

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /both scp/, token);
  });
});

describe('a token with a forged or unusual signature', () => {
  test('is refused when unsigned (alg none)', async () => {
    const token = `${encodePart({ alg: 'none', typ: 'JWT' })}.${encodePart(delegatedClaims())}.`;

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /unsigned/);
  });

  test('is refused when HS256-signed with the public key as the secret', async () => {
    const secret = await exportSPKI(ring.active.publicKey);
    const token = signHs256({ ...header, alg: 'HS256' }, delegatedClaims(), secret);

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /only RS256/, token);
  });

  test('is refused when signed with ES256', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(delegatedClaims())
      .setProtectedHeader({ alg: 'ES256', kid: ring.active.kid })
      .sign(privateKey);

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /only RS256/, token);
  });

  test('is refused when its payload was changed after signing', async () => {
    const [head, , signature] = (await mint({ scopes: ['A.Read'] })).split('.');
    const claims = delegatedClaims({ scp: DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL });
    const token = `${head}.${encodePart(claims)}.${signature}`;

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /signature/, token);
  });

  test('is refused when signed by a key the ring does not hold', async () => {
    const token = await signRs256(
      { ...header, kid: stranger.kid },
      delegatedClaims(),
      stranger.privateKey,
    );

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /unknown/, token);
  });

  test("is refused when another key signs under the ring's kid", async () => {
    const token = await signRs256(header, delegatedClaims(), stranger.privateKey);

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /signature/, token);
  });

  test('is refused when signed with a 512-bit RSA key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 512 });
    const input = `${encodePart(header)}.${encodePart(delegatedClaims())}`;
    const signature = sign('sha256', Buffer.from(input), privateKey).toString('base64url');
    const token = `${input}.${signature}`;

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /signature/, token);
  });

  test('is refused when the header has critical extensions', async () => {
    const token = await signed(delegatedClaims(), { crit: ['exp'], exp: 0 });

    await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /crit/, token);
  });

  test('is refused when the header embeds its own key (jwk, x5c)', async () => {
    const jwk = stranger.publicJwk;
    const embedded = await signRs256(
      { ...header, kid: stranger.kid, jwk },
      delegatedClaims(),
      stranger.privateKey,
    );
    const chained = await signed(delegatedClaims(), { x5c: ['MIIB'] });

    await assertRefused(verifier.verify(`Bearer ${embedded}`), 'invalidToken', /\(jwk\)/);
    await assertRefused(verifier.verify(`Bearer ${chained}`), 'invalidToken', /\(x5c\)/);
  });

  test('is refused without fetching the key its jku or x5u header points at', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    try {
      for (const name of ['jku', 'x5u']) {
        const token = await signed(delegatedClaims(), { [name]: `http://127.0.0.1:${port}/k` });
        await assertRefused(verifier.verify(`Bearer ${token}`), 'invalidToken', /names its own/);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }

    assert.deepEqual(requests, []);
  });
});

describe('a key ring after rotation', () => {
  test('accepts tokens from a retired key until its retirement time only', async () => {
    const retired = { ...stranger, retireAfter: new Date(now.getTime() + 60_000) };
    const rotated = createKeyRing(await generateSigningKey(now), [retired]);
    const token = await signRs256(
      { ...header, kid: stranger.kid },
      delegatedClaims(),
      stranger.privateKey,
    );
    const before = createTokenVerifier({ ring: rotated, publicUrl, now: () => now });
    const after = createTokenVerifier({
      ring: rotated,
      publicUrl,
      now: () => new Date(now.getTime() + 120_000),
    });

    assert.equal((await before.verify(`Bearer ${token}`)).tenantId, tenantId);
    await assertRefused(after.verify(`Bearer ${token}`), 'invalidToken', /retired/, token);
  });
});

describe('permissions of a verified token', () => {
  test('refuse a Read.All caller an operation that needs ReadWrite.All', async () => {
    const token = await mint({ scopes: [DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL] });
    const principal = await verifier.verify(`Bearer ${token}`);

    requirePermission(principal, [
      DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
      DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
    ]);
    assert.throws(
      () => requirePermission(principal, [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL]),
      (error: Error & { kind?: string }) =>
        error.kind === 'forbidden' && error.message.includes('ReadWrite.All'),
    );
  });
});
