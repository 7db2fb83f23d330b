import { calculateJwkThumbprint, exportJWK, importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { createKeyRing, MIN_RSA_MODULUS_BITS, publicJwkOf, SIGNING_ALGORITHM } from './key-ring.js';
import type { KeyRing, PublishedKey, SigningKey } from './key-ring.js';

const FORMAT_VERSION = 1;

interface StoredKey {
  readonly kid: string;
  readonly alg: string;
  readonly createdAt: string;
  readonly retireAfter: string | null;
  // The private JWK for the active key, only the public members for keys kept to verify.
  readonly jwk: JWK;
}

interface StoredRing {
  readonly format: number;
  readonly activeKid: string;
  readonly keys: readonly StoredKey[];
}

export async function encodeKeyRing(ring: KeyRing): Promise<string> {
  const keys = await Promise.all(
    ring.published.map(async (key): Promise<StoredKey> => {
      const jwk =
        key.kid === ring.active.kid
          ? await exportJWK(ring.active.privateKey)
          : publicJwkOf(key.publicJwk);

      return {
        kid: key.kid,
        alg: key.alg,
        createdAt: key.createdAt.toISOString(),
        retireAfter: key.retireAfter?.toISOString() ?? null,
        jwk,
      };
    }),
  );
  const stored: StoredRing = { format: FORMAT_VERSION, activeKid: ring.active.kid, keys };

  return `${JSON.stringify(stored, null, 2)}\n`;
}

/** Reads a key ring back, refusing anything malformed, weak or inconsistent. */
export async function decodeKeyRing(text: string, source: string): Promise<KeyRing> {
  const fail = (why: string): never => {
    throw new Error(`${source}: ${why}`);
  };

  const stored = parseJson(text);
  if (!isRecord(stored) || stored.format !== FORMAT_VERSION) {
    return fail(`not a signing key file of format ${FORMAT_VERSION}`);
  }

  const { activeKid, keys: entries } = stored;
  if (typeof activeKid !== 'string' || !Array.isArray(entries)) {
    return fail('activeKid and keys are required');
  }

  const keys = await Promise.all(
    entries.map((entry: unknown) => decodeKey(entry, kidOf(entry) === activeKid, fail)),
  );
  const active = keys.find((key): key is SigningKey => 'privateKey' in key);

  return active ? createKeyRing(active, keys) : fail(`no key has the activeKid ${activeKid}`);
}

async function decodeKey(
  entry: unknown,
  isActive: boolean,
  fail: (why: string) => never,
): Promise<PublishedKey | SigningKey> {
  if (!isRecord(entry) || typeof entry.kid !== 'string' || !isRecord(entry.jwk)) {
    return fail('every key needs a kid and a jwk');
  }

  const { kid } = entry;
  const jwk = entry.jwk as JWK;
  const createdAt = dateOf(entry.createdAt);
  const retireAfter = entry.retireAfter === null ? null : dateOf(entry.retireAfter);
  if (entry.alg !== SIGNING_ALGORITHM || jwk.kty !== 'RSA') {
    return fail(`key ${kid} is not an ${SIGNING_ALGORITHM} key`);
  }
  if (!createdAt || retireAfter === undefined) {
    return fail(`key ${kid} has an invalid createdAt or retireAfter`);
  }

  const publicJwk = publicJwkOf(jwk);
  if ((await calculateJwkThumbprint(publicJwk, 'sha256')) !== kid) {
    return fail(`key ${kid} does not match its thumbprint`);
  }

  const publicKey = await importRsaKey(publicJwk, kid, fail);
  const published = {
    kid,
    alg: SIGNING_ALGORITHM,
    createdAt,
    retireAfter,
    publicJwk: Object.freeze({ ...publicJwk, kid }),
    publicKey,
  } as const;
  if (!isActive) return Object.freeze(published);
  if (typeof jwk.d !== 'string') return fail(`the active key ${kid} has no private part`);

  const privateKey = await importRsaKey(jwk, kid, fail);

  return Object.freeze({ ...published, privateKey });
}

async function importRsaKey(jwk: JWK, kid: string, fail: (why: string) => never) {
  let key: CryptoKey;
  try {
    key = (await importJWK({ ...jwk, ext: true }, SIGNING_ALGORITHM, {
      extractable: true,
    })) as CryptoKey;
  } catch (error) {
    return fail(`key ${kid} cannot be imported (${(error as Error).message})`);
  }

  const bits = (key.algorithm as { modulusLength?: number }).modulusLength ?? 0;
  if (bits < MIN_RSA_MODULUS_BITS) {
    return fail(`key ${kid} has ${bits} bits; at least ${MIN_RSA_MODULUS_BITS} are required`);
  }

  return key;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function kidOf(entry: unknown): unknown {
  return isRecord(entry) ? entry.kid : undefined;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;

  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
