// A machine context reaches a node's evaluation only through which of the node's catalog rows it
// admits: the models section chosen for the OS, and the computer hardware IDs a package targets.
// Two contexts that admit the same rows get the same offers, so a fleet whose models differ in
// CHIDs and OS builds still evaluates a chipset node once for all of them.
import type { CatalogMatchRow } from '../catalog/types.js';
import { chosenDecoration, type CatalogIndex } from './catalog-index.js';
import type { ResolvedContext } from './collect-candidates.js';
import { decorationKey } from './platform.js';

export interface NodeRows {
  /** Every catalog row one of the node's IDs hits, in a fixed order. */
  readonly rows: readonly CatalogMatchRow[];
  /** Per row, the upper-cased CHIDs its package targets; empty for untargeted packages. */
  readonly targets: readonly (readonly string[])[];
  /** Whether any row is limited to some CHIDs; if none is, only the OS tells contexts apart. */
  readonly targeted: boolean;
}

/**
 * For one OS, whether the models section the OS uses is the row's own. Rows recur across nodes,
 * so the answer is kept per row.
 */
export type DecorationFits = Map<CatalogMatchRow, boolean>;

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
 * One character per row, admitted or not: equal signatures for one node mean equal offers.
 * Null when the context admits none of the rows, so the node has nothing to offer.
 */
export function admissionSignature(
  node: NodeRows,
  context: ResolvedContext,
  index: CatalogIndex,
  fitsByRow: DecorationFits,
): string | null {
  const { rows, targets } = node;
  let signature = '';
  let admitted = false;

  for (let position = 0; position < rows.length; position += 1) {
    const row = rows[position]!;
    let fits = fitsByRow.get(row);
    if (fits === undefined) {
      const chosen = chosenDecoration(index, row, context.os);
      fits = chosen !== null && decorationKey(chosen) === decorationKey(row);
      fitsByRow.set(row, fits);
    }

    const chids = targets[position]!;
    const admits = fits && (chids.length === 0 || chids.some((chid) => context.chids.has(chid)));
    signature += admits ? '1' : '0';
    admitted ||= admits;
  }

  return admitted ? signature : null;
}
