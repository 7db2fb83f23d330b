// Finds driver packages under the paths an operator names: folders are walked for `.inf` files
// (any case), a file named outright is taken as an INF whatever its extension. Either way its
// package is the INF and the other files in its folder.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  groupPackageFiles,
  joinsSiblingPackages,
  type PackageCandidate,
  type PackageSource,
} from './group-package-files.js';
import { fileErrorReason } from './file-error-reason.js';
import type { ImportIssue } from './import-packages.js';

export interface FoundPackages {
  readonly candidates: PackageCandidate[];
  readonly failed: ImportIssue[];
}

function diskSource(path: string): PackageSource {
  return { path, read: async () => new Uint8Array(await readFile(path)) };
}

// Symbolic links are not followed: a link back up the tree would never end the walk.
async function walk(folder: string, into: PackageSource[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });

  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);

    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile()) into.push(diskSource(path));
  }
}

async function filesBeside(file: string): Promise<PackageSource[]> {
  const folder = dirname(file);
  const entries = await readdir(folder, { withFileTypes: true });

  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => diskSource(join(folder, entry.name)));
}

async function candidatesAt(path: string): Promise<PackageCandidate[]> {
  const info = await stat(path);

  if (info.isDirectory()) {
    const files: PackageSource[] = [];

    await walk(path, files);

    return groupPackageFiles(files);
  }

  const beside = await filesBeside(path);
  const siblings = beside.filter(
    (file) => resolve(file.path) !== resolve(path) && joinsSiblingPackages(file.path),
  );

  return [{ inf: diskSource(path), siblings }];
}

export async function findPackagesOnDisk(paths: readonly string[]): Promise<FoundPackages> {
  const candidates: PackageCandidate[] = [];
  const failed: ImportIssue[] = [];
  const seen = new Set<string>();

  for (const path of paths) {
    let found: PackageCandidate[];

    try {
      found = await candidatesAt(path);
    } catch (error) {
      failed.push({ file: path, reason: fileErrorReason(error) });
      continue;
    }

    for (const candidate of found) {
      const key = resolve(candidate.inf.path);

      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(candidate);
    }
  }

  return { candidates, failed };
}
