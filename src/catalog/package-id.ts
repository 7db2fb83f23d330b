import { createHash } from 'node:crypto';

export interface PackageFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

// Windows paths are case-insensitive and take either slash; the id must not depend on which.
function normaliseName(name: string): string {
  return name.replaceAll('\\', '/').toLowerCase();
}

function compareNames(a: PackageFile, b: PackageFile): number {
  const left = normaliseName(a.name);
  const right = normaliseName(b.name);

  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * A package's identity: sha256 over its files in name order. Each name and body is preceded by
 * its length, so moving bytes between files or names always changes the id.
 */
export function packageIdOf(files: readonly PackageFile[]): string {
  const hash = createHash('sha256');
  const length = Buffer.alloc(8);

  for (const file of [...files].sort(compareNames)) {
    const name = Buffer.from(normaliseName(file.name), 'utf8');

    length.writeBigUInt64BE(BigInt(name.length));
    hash.update(length).update(name);
    length.writeBigUInt64BE(BigInt(file.bytes.length));
    hash.update(length).update(file.bytes);
  }

  return hash.digest('hex');
}
