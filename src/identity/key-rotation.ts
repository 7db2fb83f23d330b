import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeKeyRing } from './key-ring-file.js';
import { createKeyRing, generateSigningKey } from './key-ring.js';
import type { KeyRing, PublishedKey } from './key-ring.js';
import { MAX_TOKEN_LIFETIME_SECONDS } from './lifetime.js';
import { placePrivateFile } from './private-file.js';
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

// Renamed over the old ring, so a server reading it concurrently sees the old ring or the new.
function replaceFile(file: string, contents: string): Promise<void> {
  return placePrivateFile(file, contents, (temporary) => rename(temporary, file));
}
