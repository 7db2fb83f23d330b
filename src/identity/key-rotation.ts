import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeKeyRing } from './key-ring-file.js';
import { createKeyRing, generateSigningKey } from './key-ring.js';
import type { KeyRing, PublishedKey } from './key-ring.js';
import { MAX_TOKEN_LIFETIME_SECONDS } from './lifetime.js';
import { KEY_RING_FILE, loadOrCreateSigningKeys } from './signing-keys.js';

// Verifiers accept tokens up to five minutes past expiry for clock skew; the old public key
// has to outlive that too.
export const CLOCK_SKEW_SECONDS = 300;

export interface RotateKeysOptions {
  readonly now: Date;
  /** Longest lifetime of a token the old key may have signed; the token command's maximum. */
  readonly maxTokenLifetimeSeconds?: number;
}

/**
 * Makes a new key the signing key. The old one stops signing at once and stays published until
 * the last token it can have signed has expired; keys already past that are dropped.
 */
export async function rotateSigningKeys(
  dataDir: string,
  options: RotateKeysOptions,
): Promise<KeyRing> {
  const { now, maxTokenLifetimeSeconds = MAX_TOKEN_LIFETIME_SECONDS } = options;
  const current = await loadOrCreateSigningKeys(dataDir, { now });
  const retireAfter = new Date(
    now.getTime() + (maxTokenLifetimeSeconds + CLOCK_SKEW_SECONDS) * 1000,
  );
  // Only the public half of the old key is kept: it verifies, it never signs again.
  const { kid, alg, createdAt, publicJwk, publicKey } = current.active;
  const retiring: PublishedKey = Object.freeze({
    kid,
    alg,
    createdAt,
    retireAfter,
    publicJwk,
    publicKey,
  });
  const stillNeeded = current.published.filter(
    (key) => key.kid !== current.active.kid && (key.retireAfter?.getTime() ?? 0) >= now.getTime(),
  );
  const ring = createKeyRing(await generateSigningKey(now), [retiring, ...stillNeeded]);

  await replaceFile(join(dataDir, 'keys', KEY_RING_FILE), await encodeKeyRing(ring));

  return ring;
}

// Written whole to a private temporary file and renamed over the old one, so a server reading
// the ring concurrently sees either the old ring or the new one.
async function replaceFile(file: string, contents: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);

  try {
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
