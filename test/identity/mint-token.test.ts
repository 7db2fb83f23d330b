import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  createKeyRing,
  generateSigningKey,
  mintToken,
  TokenRequestError,
} from '../../src/identity/index.js';
import type { MintTokenOptions } from '../../src/identity/index.js';
import { now, publicUrl, tenantId } from './token-fixtures.js';

const ring = createKeyRing(await generateSigningKey(now));
const base = { publicUrl, tenantId, lifetimeSeconds: 1800, now };

function mint(options: Partial<MintTokenOptions>) {
  return mintToken(ring, { ...base, ...options });
}

describe('mintToken', () => {
  test('signs with RS256 under the active kid', async () => {
    const header = decodeProtectedHeader(await mint({ scopes: ['x'] }));

    assert.deepEqual(header, { alg: 'RS256', typ: 'JWT', kid: ring.active.kid });
  });

  test('shapes claims like an Entra ID v2 delegated token', async () => {
    const claims = decodeJwt(await mint({ scopes: ['A.Read', 'B.Write'], user: 'a@b.c' }));
    const issuedAt = now.getTime() / 1000;

    assert.equal(claims.iss, `${publicUrl}/${tenantId}/v2.0`);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.ver, '2.0');
    assert.equal(claims.tid, tenantId);
    assert.equal(claims.sub, claims.oid);
    assert.equal(claims.azp, claims.appid);
    assert.deepEqual([claims.iat, claims.nbf, claims.exp], [issuedAt, issuedAt, issuedAt + 1800]);
    assert.equal(claims.scp, 'A.Read B.Write');
    assert.equal(claims.upn, 'a@b.c');
    assert.equal(claims.preferred_username, 'a@b.c');
    assert.equal(claims.roles, undefined);
  });

  test('marks application tokens with roles and idtyp app', async () => {
    const claims = decodeJwt(await mint({ roles: ['A.Read'] }));

    assert.deepEqual(claims.roles, ['A.Read']);
    assert.equal(claims.idtyp, 'app');
    assert.equal(claims.scp, undefined);
  });

  test('puts the device id of a device token in deviceid', async () => {
    const claims = decodeJwt(await mint({ deviceId: 'pc-0042' }));

    assert.equal(claims.deviceid, 'pc-0042');
    assert.equal(claims.scp, undefined);
    assert.equal(claims.roles, undefined);
  });

  test('lowercases the tenant id and names the issuer without a trailing slash', async () => {
    const claims = decodeJwt(
      await mint({ scopes: ['x'], tenantId: tenantId.toUpperCase(), publicUrl: `${publicUrl}/` }),
    );

    assert.equal(claims.tid, tenantId);
    assert.equal(claims.iss, `${publicUrl}/${tenantId}/v2.0`);
  });

  test('refuses requests that do not name exactly one kind of token', async () => {
    await assert.rejects(mint({}), TokenRequestError);
    await assert.rejects(mint({ scopes: ['x'], roles: ['y'] }), /exactly one of/);
    await assert.rejects(mint({ roles: ['y'], deviceId: 'pc' }), /exactly one of/);
  });

  test('refuses a user on an application or device token', async () => {
    await assert.rejects(mint({ roles: ['y'], user: 'a@b.c' }), /delegated tokens only/);
    await assert.rejects(mint({ deviceId: 'pc', user: 'a@b.c' }), /delegated tokens only/);
  });

  test('refuses bad tenants, app ids, scopes, URLs and lifetimes with clear messages', async () => {
    await assert.rejects(mint({ scopes: ['x'], tenantId: 'contoso' }), /tenant ids are GUIDs/);
    await assert.rejects(mint({ scopes: ['x'], appId: 'cli' }), /invalid app id/);
    await assert.rejects(mint({ scopes: [] }), /at least one scope/);
    await assert.rejects(mint({ scopes: ['a b'] }), /invalid scope 'a b'/);
    await assert.rejects(mint({ scopes: ['x'], publicUrl: 'ftp://x' }), /use http or https/);
    await assert.rejects(mint({ scopes: ['x'], lifetimeSeconds: 90000 }), /maximum of 24h/);
    await assert.rejects(mint({ scopes: ['x'], lifetimeSeconds: 0 }), /positive whole/);
  });
});
