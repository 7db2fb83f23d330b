// A zipped package folder, unpacked in memory within bounds. A zip says how large each entry
// unpacks to before anything is inflated, and the inflater never writes past that size, so the
// bounds hold against archives that lie about their contents.
import { unzipSync } from 'fflate';
import type { PackageSource } from './group-package-files.js';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  readonly maxPathLength: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxPathLength: 260,
};

/** The archive is not one we will unpack; the message says why, for the client. */
export class ZipRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRejectedError';
  }
}

// Entry names are relative paths with `/`; anything that could leave the folder it unpacks
// into (absolute paths, drive letters, `..`) or that no file system would take is refused.
function unsafeName(name: string, limits: ZipLimits): string | null {
  if (name.length > limits.maxPathLength) return `longer than ${limits.maxPathLength} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'contains control characters';
  if (name.includes('\\')) return 'uses backslashes';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is absolute';
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'leaves its folder';

  return null;
}

export function packageSourcesFromZip(
  bytes: Uint8Array,
  limits: ZipLimits = defaultZipLimits,
): PackageSource[] {
  const seen = new Set<string>();
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;

  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (entries > limits.maxEntries) {
          throw new ZipRejectedError(`the zip has more than ${limits.maxEntries} entries`);
        }

        const why = unsafeName(entry.name, limits);

        if (why !== null) {
          throw new ZipRejectedError(`the zip entry '${printable(entry.name)}' ${why}`);
        }
        if (entry.name.endsWith('/')) return false;

        // Windows file names ignore case: two entries that differ only in case are one file.
        const key = entry.name.toLowerCase();

        if (seen.has(key)) {
          throw new ZipRejectedError(`the zip holds '${printable(entry.name)}' twice`);
        }
        seen.add(key);
        total += entry.originalSize;
        if (total > limits.maxTotalBytes) {
          throw new ZipRejectedError(`the zip unpacks to more than ${limits.maxTotalBytes} bytes`);
        }

        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipRejectedError) throw error;

    throw new ZipRejectedError('the body is not a zip archive that can be read');
  }

  return Object.entries(files).map(([path, content]) => ({ path, read: async () => content }));
}

function printable(name: string): string {
  const shown = name.replace(/[^\x20-\x7e]/g, '?');

  return shown.length > 80 ? `${shown.slice(0, 80)}...` : shown;
}
