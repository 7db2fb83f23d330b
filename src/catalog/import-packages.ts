// Imports driver packages into a tenant's catalog: read each INF, build its package and save it
// in a transaction of its own, so one bad file never undoes the rest and a repeat is a no-op.
import { InfReadError, readInf } from '../inf/index.js';
import type { Architecture, InfDocument } from '../inf/types.js';
import type { Store } from '../store/store.js';
import { savePackage } from './catalog-repo.js';
import { fileErrorReason } from './file-error-reason.js';
import { baseNameOf, type PackageCandidate } from './group-package-files.js';
import { packageFromInf } from './package-from-inf.js';
import { packageIdOf, type PackageFile } from './package-id.js';
import { stampInfBytes } from './stamp-inf-bytes.js';
import type { PublishingKind } from './types.js';

export interface ImportOptions {
  readonly publishing: PublishingKind;
  /** Normalised `{guid}` CHIDs the packages are limited to; empty for no limit. */
  readonly chids: readonly string[];
  /** Architectures a `$ARCH$` template is stamped for, one package each. */
  readonly templateArchitectures: readonly Architecture[];
  readonly now: Date;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface ImportedPackage {
  readonly file: string;
  readonly id: string;
  readonly name: string;
  /** The architecture a template was stamped for; null for an ordinary INF. */
  readonly architecture: Architecture | null;
}

export interface ImportIssue {
  readonly file: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly imported: ImportedPackage[];
  readonly unchanged: ImportedPackage[];
  readonly skipped: ImportIssue[];
  readonly failed: ImportIssue[];
}

interface Variant {
  readonly architecture: Architecture | null;
  readonly infBytes: Uint8Array;
  readonly inf: InfDocument;
}

export function emptyReport(): ImportReport {
  return { imported: [], unchanged: [], skipped: [], failed: [] };
}

export async function importPackages(
  store: Store,
  tenantId: string,
  candidates: readonly PackageCandidate[],
  options: ImportOptions,
  report: ImportReport = emptyReport(),
): Promise<ImportReport> {
  for (const [index, candidate] of candidates.entries()) {
    options.onProgress?.({ done: index, total: candidates.length, file: candidate.inf.path });
    await importCandidate(store, tenantId, candidate, options, report);
  }

  options.onProgress?.({ done: candidates.length, total: candidates.length, file: '' });

  return report;
}

async function importCandidate(
  store: Store,
  tenantId: string,
  candidate: PackageCandidate,
  options: ImportOptions,
  report: ImportReport,
): Promise<void> {
  const file = candidate.inf.path;
  const infName = baseNameOf(file);
  let siblings: PackageFile[];
  let variants: Variant[];

  try {
    siblings = await readSiblings(candidate);
    variants = variantsOf(await candidate.inf.read(), options.templateArchitectures);
  } catch (error) {
    report.failed.push({ file, reason: reasonOf(error) });
    return;
  }

  for (const variant of variants) {
    const files = [{ name: infName, bytes: variant.infBytes }, ...siblings];
    const id = packageIdOf(files);
    const built = packageFromInf({
      id,
      infName,
      inf: variant.inf,
      files: files.map((f) => f.name),
      publishing: options.publishing,
      chids: options.chids,
    });
    const stamped = variant.architecture === null ? '' : `stamped for ${variant.architecture}: `;

    if (built.kind === 'skipped') {
      report.skipped.push({ file, reason: `${stamped}${built.reason}` });
      continue;
    }

    const outcome = await store.transaction((tx) =>
      savePackage(tx, tenantId, built.package, built.rows, options.now, variant.infBytes.length),
    );
    const entry = { file, id, name: built.package.name, architecture: variant.architecture };

    report[outcome === 'imported' ? 'imported' : 'unchanged'].push(entry);
  }
}

async function readSiblings(candidate: PackageCandidate): Promise<PackageFile[]> {
  const files: PackageFile[] = [];

  for (const sibling of candidate.siblings) {
    files.push({ name: baseNameOf(sibling.path), bytes: await sibling.read() });
  }

  return files;
}

// An INF with stampinf's `$ARCH$` is a template: it becomes one package per architecture asked
// for, each identified by its stamped bytes. Any other INF is imported as it is.
function variantsOf(bytes: Uint8Array, architectures: readonly Architecture[]): Variant[] {
  const inf = readInf(bytes);

  if (!inf.unresolvedTemplates.includes('$ARCH$')) {
    return [{ architecture: null, infBytes: bytes, inf }];
  }

  return architectures.map((architecture) => {
    const stamped = stampInfBytes(bytes, inf.encoding, architecture);

    return { architecture, infBytes: stamped, inf: readInf(stamped) };
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof InfReadError) return error.message;

  return fileErrorReason(error, 'the file no longer exists');
}
