// A driver package is an INF and the files beside it. Every INF in a folder is a package of its
// own, so other INFs (and stampinf's `.inx` sources) are never part of a sibling's package.
export interface PackageSource {
  /** Where the file is, as reports show it: a disk path or a zip entry name. */
  readonly path: string;
  read(): Promise<Uint8Array>;
}

export interface PackageCandidate {
  readonly inf: PackageSource;
  readonly siblings: readonly PackageSource[];
}

export function isInfName(path: string): boolean {
  return /\.inf$/i.test(path);
}

/** INFs and stampinf's `.inx` sources are packages (or templates) of their own. */
export function joinsSiblingPackages(path: string): boolean {
  return !/\.in[fx]$/i.test(path);
}

export function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function baseNameOf(path: string): string {
  return path.slice(folderOf(path).length);
}

/** The files that join an INF in its package: every other non-INF file in its folder. */
export function siblingsOf(inf: string, files: readonly PackageSource[]): PackageSource[] {
  const folder = folderOf(inf);

  return files.filter(
    (file) =>
      file.path !== inf && folderOf(file.path) === folder && joinsSiblingPackages(file.path),
  );
}

/** One candidate per `.inf` file (any case), in path order. */
export function groupPackageFiles(files: readonly PackageSource[]): PackageCandidate[] {
  const byFolder = new Map<string, PackageSource[]>();

  for (const file of files) {
    const folder = folderOf(file.path);
    const list = byFolder.get(folder);

    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  }

  return files
    .filter((file) => isInfName(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((inf) => ({ inf, siblings: siblingsOf(inf.path, byFolder.get(folderOf(inf.path))!) }));
}
