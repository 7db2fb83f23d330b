import { chmod, link, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeKeyRing, encodeKeyRing } from './key-ring-file.js';
import { createKeyRing, generateSigningKey } from './key-ring.js';
import type { KeyRing } from './key-ring.js';
import { placePrivateFile } from './private-file.js';

export const KEY_RING_FILE = 'signing-keys.json';

export interface SigningKeyOptions {
  /** When a key created now says it was created; defaults to the current time. */
  readonly now?: Date;
}

/**
 * The built-in issuer's key ring from `<dataDir>/keys/`, created with a fresh RS256 key the
 * first time. Every process that shares the data folder ends up with the same ring.
 */
export async function loadOrCreateSigningKeys(
  dataDir: string,
  options: SigningKeyOptions = {},
): Promise<KeyRing> {
  const folder = join(dataDir, 'keys');
  const file = join(folder, KEY_RING_FILE);

  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);

  const existing = await readIfPresent(file);
  if (existing !== null) return decodeKeyRing(existing, file);

  const ring = createKeyRing(await generateSigningKey(options.now ?? new Date()));
  const created = await createExclusively(file, await encodeKeyRing(ring));

  // Another process created the ring between our read and our write: theirs wins, so that
  // every process signs and verifies with the same keys.
  return created ? ring : decodeKeyRing(await readFile(file, 'utf8'), file);
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// Linked into place: link, unlike rename, refuses to replace a ring someone else just made.
async function createExclusively(file: string, contents: string): Promise<boolean> {
  try {
    await placePrivateFile(file, contents, (temporary) => link(temporary, file));

    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
