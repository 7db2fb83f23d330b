// The shared corpus of real INF files and setupapi logs lives beside the checkout, not in it.
// Tests that read it skip with this message when a clone has no corpus.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export const corpusSkipReason =
  'the shared corpus (../shared/corpus beside the checkout) is absent; corpus tests are skipped';

/** The corpus folder (or one of its subfolders), or null when this clone has none. */
export function corpusPath(...parts: string[]): string | null {
  const path = join(root, ...parts);

  return existsSync(path) ? path : null;
}
