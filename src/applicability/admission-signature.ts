// A machine context reaches a node's evaluation only through which of the node's catalog rows it
// admits: the models section chosen for the OS, and the computer hardware IDs a package targets.
// Two contexts that admit the same rows get the same offers, so a fleet whose models differ in
// CHIDs and OS builds still evaluates a chipset node once for all of them.
import type { CatalogMatchRow } from '../catalog/types.js';
import { chosenDecoration, type CatalogIndex } from './catalog-index.js';
import type { ResolvedContext } from './collect-candidates.js';
import { decorationKey, type OsTarget } from './platform.js';

export interface NodeRows {
  /** Every catalog row one of the node's IDs hits, in a fixed order. */
  readonly rows: readonly CatalogMatchRow[];
  /** Per row, the upper-cased CHIDs its package targets; empty for untargeted packages. */
  readonly targets: readonly (readonly string[])[];
}

/** Per OS, whether the models section the OS uses is the row's own; rows recur across nodes. */
export type DecorationMemo = Map<string, Map<CatalogMatchRow, boolean>>;

export function nodeRowsOf(
  ids: { readonly hardwareIds: readonly string[]; readonly compatibleIds: readonly string[] },
  index: CatalogIndex,
): NodeRows {
  const seen = new Set<string>();
  const rows: CatalogMatchRow[] = [];

  for (const id of [...ids.hardwareIds, ...ids.compatibleIds]) {
    const key = id.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(...(index.rowsById.get(key) ?? []));
  }

  const targets = rows.map((row) =>
    (index.packages.get(row.packageId)?.chids ?? []).map((chid) => chid.toUpperCase()),
  );

  return { rows, targets };
}

/**
 * One character per row, admitted or not: equal signatures for one node mean equal offers.
 * Null when the context admits none of the rows, so the node has nothing to offer.
 */
export function admissionSignature(
  node: NodeRows,
  context: ResolvedContext,
  index: CatalogIndex,
  memo: DecorationMemo,
): string | null {
  if (node.rows.length === 0) return null;

  const byRow = decorationsFor(context.os, memo);
  let signature = '';
  let admitted = false;

  node.rows.forEach((row, position) => {
    let fits = byRow.get(row);
    if (fits === undefined) {
      const chosen = chosenDecoration(index, row, context.os);
      fits = chosen !== null && decorationKey(chosen) === decorationKey(row);
      byRow.set(row, fits);
    }

    const chids = node.targets[position]!;
    const targeted = chids.length === 0 || chids.some((chid) => context.chids.has(chid));
    const admits = fits && targeted;
    signature += admits ? '1' : '0';
    admitted ||= admits;
  });

  return admitted ? signature : null;
}

function decorationsFor(os: OsTarget, memo: DecorationMemo): Map<CatalogMatchRow, boolean> {
  const key = [os.architecture, os.major, os.minor, os.build, os.productType].join('.');
  let byRow = memo.get(key);
  if (byRow === undefined) {
    byRow = new Map();
    memo.set(key, byRow);
  }

  return byRow;
}
