import type { PropertyType } from './entity-spec.js';
import type { BoundFilter } from './filter-ast.js';

export interface OrderByKey {
  readonly path: string;
  readonly column: string;
  readonly type: PropertyType;
  readonly nullable: boolean;
  readonly direction: 'asc' | 'desc';
}

export interface ExpandItem {
  readonly name: string;
  /** Properties to keep in each expanded item; null keeps them all. */
  readonly select: readonly string[] | null;
}

/** Where the page starts in the filtered, ordered result and how many rows it holds at most. */
export interface PagePlan {
  readonly offset: number;
  readonly size: number;
}

/**
 * A parsed `$search`: one term looked for inside any of a collection's searchable columns, or,
 * in Graph's directory form, clauses that match one column's tokens or its start.
 */
export type SearchExpression =
  | { readonly kind: 'term'; readonly term: string }
  | { readonly kind: 'tokens'; readonly column: string; readonly tokens: readonly string[] }
  | { readonly kind: 'prefix'; readonly column: string; readonly text: string }
  | {
      readonly kind: 'and' | 'or';
      readonly left: SearchExpression;
      readonly right: SearchExpression;
    };

export interface QueryOptions {
  readonly filter: BoundFilter | null;
  readonly search: SearchExpression | null;
  readonly orderBy: readonly OrderByKey[];
  /** Property names to return; null returns every property. */
  readonly select: readonly string[] | null;
  readonly expand: readonly ExpandItem[];
  readonly top: number | null;
  readonly skip: number | null;
  readonly count: boolean;
  readonly page: PagePlan;
  /** Digest of every option but $skiptoken; a skip token is only valid with the same digest. */
  readonly digest: string;
}
