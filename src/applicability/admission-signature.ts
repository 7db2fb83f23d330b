// A machine context reaches a node's evaluation only through which of the node's catalog rows it
// admits: the models section chosen for the OS, and the computer hardware IDs a package targets.
// Two contexts that admit the same rows get the same offers, so a fleet whose models differ in
// CHIDs and OS builds still evaluates a chipset node once for all of them.
import type { CatalogMatchRow } from '../catalog/types.js';
import { decorationFits, type CatalogIndex, type DecorationFits } from './catalog-index.js';
import type { ResolvedContext } from './collect-candidates.js';

export interface NodeRows {
  /** Every catalog row one of the node's IDs hits, in a fixed order. */
  readonly rows: readonly CatalogMatchRow[];
  /** Per row, the upper-cased CHIDs its package targets; empty for untargeted packages. */
  readonly targets: readonly (readonly string[])[];
  /** Whether any row is limited to some CHIDs; if none is, only the OS tells contexts apart. */
  readonly targeted: boolean;
}

/** Upper-cased CHIDs by package id, filled as packages come up. */
export type PackageTargets = Map<string, readonly string[]>;

export function nodeRowsOf(
  ids: { readonly hardwareIds: readonly string[]; readonly compatibleIds: readonly string[] },
  index: CatalogIndex,
  targetsByPackage: PackageTargets,
): NodeRows {
  const seen = new Set<string>();
  const rows: CatalogMatchRow[] = [];

  for (const list of [ids.hardwareIds, ids.compatibleIds]) {
    for (const id of list) {
      const key = id.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      for (const row of index.rowsById.get(key) ?? []) rows.push(row);
    }
  }

  const targets = rows.map((row) => {
    let chids = targetsByPackage.get(row.packageId);
    if (chids === undefined) {
      chids = (index.packages.get(row.packageId)?.chids ?? []).map((chid) => chid.toUpperCase());
      targetsByPackage.set(row.packageId, chids);
    }

    return chids;
  });

  return { rows, targets, targeted: targets.some((chids) => chids.length > 0) };
}

/**
 * Which of the node's rows a context admits, one bit per row: equal signatures for one node mean
 * equal offers. A number while the rows fit in 31 bits, so the usual node builds no string, and
 * text beyond that.
 */
export type AdmissionSignature = number | string;

/** Null when the context admits none of the rows, so the node has nothing to offer. */
export function admissionSignature(
  node: NodeRows,
  context: ResolvedContext,
  index: CatalogIndex,
  fitsByRow: DecorationFits,
): AdmissionSignature | null {
  const { rows, targets } = node;
  const spelled = rows.length > 31;
  let bits = 0;
  let text = '';
  let admitted = false;

  for (let position = 0; position < rows.length; position += 1) {
    const row = rows[position]!;
    const fits = decorationFits(index, row, context.os, fitsByRow);
    const chids = targets[position]!;
    const admits = fits && (chids.length === 0 || chids.some((chid) => context.chids.has(chid)));
    if (spelled) text += admits ? '1' : '0';
    else if (admits) bits |= 1 << position;
    admitted ||= admits;
  }

  if (!admitted) return null;

  return spelled ? text : bits;
}
