import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWK } from 'jose';

export const SIGNING_ALGORITHM = 'RS256';
export const MIN_RSA_MODULUS_BITS = 2048;

/** A key whose public half is published; tokens it signed verify until `retireAfter`. */
export interface PublishedKey {
  readonly kid: string;
  readonly alg: typeof SIGNING_ALGORITHM;
  readonly createdAt: Date;
  // null while the key may still sign. A rotation sets it to the moment the last token signed
  // with this key expires, so the public key stays published exactly as long as it is needed.
  readonly retireAfter: Date | null;
  readonly publicJwk: Readonly<JWK>;
  readonly publicKey: CryptoKey;
}

export interface SigningKey extends PublishedKey {
  readonly privateKey: CryptoKey;
}

export interface KeyRing {
  readonly active: SigningKey;
  /** Every key whose signatures are still accepted, the active one included. */
  readonly published: readonly PublishedKey[];
}

export async function generateSigningKey(createdAt: Date): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    modulusLength: MIN_RSA_MODULUS_BITS,
    extractable: true,
  });
  const publicJwk = publicJwkOf(await exportJWK(publicKey));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');

  return Object.freeze({
    kid,
    alg: SIGNING_ALGORITHM,
    createdAt,
    retireAfter: null,
    publicJwk: Object.freeze({ ...publicJwk, kid }),
    publicKey,
    privateKey,
  });
}

export function createKeyRing(active: SigningKey, others: readonly PublishedKey[] = []): KeyRing {
  if (active.retireAfter !== null) {
    throw new Error(`the active signing key ${active.kid} is marked for retirement`);
  }

  const published = [active, ...others.filter((key) => key.kid !== active.kid)];

  return Object.freeze({ active, published: Object.freeze(published) });
}

export function publicJwks(ring: KeyRing): JSONWebKeySet {
  return {
    keys: ring.published.map((key) => ({ ...key.publicJwk, alg: key.alg, use: 'sig' })),
  };
}

/** The key that verifies signatures carrying this `kid`, unless unknown or retired at `now`. */
export function findVerificationKey(ring: KeyRing, kid: string, now: Date): PublishedKey | null {
  const key = ring.published.find((candidate) => candidate.kid === kid);
  if (!key) return null;

  return key.retireAfter !== null && key.retireAfter.getTime() < now.getTime() ? null : key;
}

/** Only the members of an RSA public key, in the form RFC 7638 thumbprints are taken over. */
export function publicJwkOf(jwk: JWK): JWK {
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}
