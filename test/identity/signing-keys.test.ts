import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { calculateJwkThumbprint } from 'jose';
import type { JWK } from 'jose';
import {
  createTokenVerifier,
  KEY_RING_FILE,
  loadOrCreateSigningKeys,
  mintToken,
  publicJwks,
} from '../../src/identity/index.js';
import { now, publicUrl, tenantId } from './token-fixtures.js';

const posix = process.platform !== 'win32';
let root: string;
let counter = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'drivergraph-keys-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

function freshDataDir(): string {
  counter += 1;

  return join(root, `data-${counter}`);
}

describe('loadOrCreateSigningKeys', () => {
  test('creates a private keys folder and key file on first use', async () => {
    const dataDir = freshDataDir();
    const ring = await loadOrCreateSigningKeys(dataDir, { now });
    const folder = join(dataDir, 'keys');

    assert.deepEqual(await readdir(folder), [KEY_RING_FILE]);
    assert.equal(ring.active.createdAt.toISOString(), now.toISOString());
    assert.equal(ring.active.retireAfter, null);
    if (posix) {
      assert.equal((await stat(folder)).mode & 0o777, 0o700);
      assert.equal((await stat(join(folder, KEY_RING_FILE))).mode & 0o777, 0o600);
    }
  });

  test('names each key by its RFC 7638 thumbprint', async () => {
    const ring = await loadOrCreateSigningKeys(freshDataDir());
    const { kty, n, e } = ring.active.publicJwk;

    assert.equal(ring.active.kid, await calculateJwkThumbprint({ kty, n, e } as JWK, 'sha256'));
  });

  test('reuses the persisted key, so earlier tokens still verify', async () => {
    const dataDir = freshDataDir();
    const first = await loadOrCreateSigningKeys(dataDir);
    const token = await mintToken(first, {
      publicUrl,
      tenantId,
      scopes: ['x'],
      lifetimeSeconds: 600,
      now,
    });
    const second = await loadOrCreateSigningKeys(dataDir);
    const verifier = createTokenVerifier({ ring: second, publicUrl, now: () => now });

    assert.equal(second.active.kid, first.active.kid);
    assert.equal((await verifier.verify(`Bearer ${token}`)).tenantId, tenantId);
  });

  test('gives processes that start together one and the same key', async () => {
    const dataDir = freshDataDir();
    const rings = await Promise.all([1, 2, 3].map(() => loadOrCreateSigningKeys(dataDir)));

    assert.equal(new Set(rings.map((ring) => ring.active.kid)).size, 1);
    assert.deepEqual(await readdir(join(dataDir, 'keys')), [KEY_RING_FILE]);
  });

  test('publishes only public key members in the JWKS', async () => {
    const ring = await loadOrCreateSigningKeys(freshDataDir());
    const { keys } = publicJwks(ring);

    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]!).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(keys[0]!.kid, ring.active.kid);
  });
});

describe('a signing key file that cannot be trusted', () => {
  async function writeRing(contents: string): Promise<string> {
    const dataDir = freshDataDir();
    await loadOrCreateSigningKeys(dataDir);
    await writeFile(join(dataDir, 'keys', KEY_RING_FILE), contents);

    return dataDir;
  }

  test('is refused when it is not JSON, naming the file', async () => {
    const dataDir = await writeRing('{ nope');

    await assert.rejects(loadOrCreateSigningKeys(dataDir), /signing-keys\.json: not a signing key/);
  });

  test('is refused when a key does not match its kid', async () => {
    const dataDir = freshDataDir();
    await loadOrCreateSigningKeys(dataDir);
    const file = join(dataDir, 'keys', KEY_RING_FILE);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    stored.keys[0].kid = 'not-the-thumbprint';
    stored.activeKid = 'not-the-thumbprint';
    await writeFile(file, JSON.stringify(stored));

    await assert.rejects(loadOrCreateSigningKeys(dataDir), /does not match its thumbprint/);
  });

  test('is refused when its key has only 512 bits', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 512 });
    const jwk = privateKey.export({ format: 'jwk' }) as JWK;
    const kid = await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n, e: jwk.e }, 'sha256');
    const key = { kid, alg: 'RS256', createdAt: now.toISOString(), retireAfter: null, jwk };
    const dataDir = await writeRing(JSON.stringify({ format: 1, activeKid: kid, keys: [key] }));

    await assert.rejects(loadOrCreateSigningKeys(dataDir), /512 bits; at least 2048/);
  });
});
