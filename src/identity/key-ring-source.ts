import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeKeyRing } from './key-ring-file.js';
import type { KeyRing } from './key-ring.js';
import { KEY_RING_FILE } from './signing-keys.js';

/** The key ring a running server signs and verifies with, following rotations on disk. */
export interface KeyRingSource {
  current(): KeyRing;
  /** Re-reads the ring file if it changed, at most once per check interval; the ring after. */
  refresh(): Promise<KeyRing>;
}

export interface KeyRingSourceOptions {
  /** Bounds the file checks that tokens naming unknown keys can cause. */
  readonly checkIntervalMs?: number;
  readonly nowMs?: () => number;
}

export function fixedKeyRing(ring: KeyRing): KeyRingSource {
  return { current: () => ring, refresh: async () => ring };
}

/** Follows `<dataDir>/keys/signing-keys.json`, as rotated by `drivergraph keys rotate`. */
export function watchKeyRingFile(
  dataDir: string,
  initial: KeyRing,
  options: KeyRingSourceOptions = {},
): KeyRingSource {
  const { checkIntervalMs = 1000, nowMs = Date.now } = options;
  const file = join(dataDir, 'keys', KEY_RING_FILE);
  let ring = initial;
  // Unknown until the first check, which therefore reads the file: `initial` may predate it.
  let modified: string | null = null;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let pending: Promise<KeyRing> | null = null;

  async function reload(): Promise<KeyRing> {
    const changed = await modifiedAt(file);
    if (changed === modified) return ring;

    // A ring that fails to decode is kept out; the server goes on with the ring it has.
    ring = await decodeKeyRing(await readFile(file, 'utf8'), file);
    modified = changed;

    return ring;
  }

  return {
    current: () => ring,
    refresh: () => {
      if (pending) return pending;
      if (nowMs() - lastCheck < checkIntervalMs) return Promise.resolve(ring);

      lastCheck = nowMs();
      pending = reload().finally(() => {
        pending = null;
      });

      return pending;
    },
  };
}

async function modifiedAt(file: string): Promise<string> {
  const info = await stat(file, { bigint: true });

  return `${info.mtimeNs}:${info.size}:${info.ino}`;
}
