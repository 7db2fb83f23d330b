// What Graph's directory makes of the operators in a `$filter`. No property of the devices,
// groups and members served here takes `contains`, `endsWith`, `gt` or `lt` there: `endsWith`
// is kept for mail addresses, which none of them has, and ranges are written with `ge` and `le`.
// `ne` and `not` are taken only in advanced queries.
import type { BoundFilter } from '../graph/odata/index.js';

/** The column of the first clause Graph's directory refuses on any terms, or null. */
export function refusedClauseColumn(filter: BoundFilter): string | null {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return refusedClauseColumn(filter.left) ?? refusedClauseColumn(filter.right);
    case 'not':
      return refusedClauseColumn(filter.operand);
    case 'compare':
      return filter.op === 'gt' || filter.op === 'lt' ? filter.target.column : null;
    case 'match':
      return filter.fn === 'startswith' ? null : filter.target.column;
    default:
      return null;
  }
}

/** The first operator that only an advanced query may use, `ne` or `not`; or null. */
export function advancedOperatorIn(filter: BoundFilter): string | null {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return advancedOperatorIn(filter.left) ?? advancedOperatorIn(filter.right);
    case 'not':
      return 'not';
    case 'compare':
      return filter.op === 'ne' ? 'ne' : null;
    default:
      return null;
  }
}
