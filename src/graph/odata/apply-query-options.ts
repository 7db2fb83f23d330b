// Applies parsed query options to a Kysely select, so a repository function can start from its
// tenant-scoped query and hand the rest to OData:
//   applyQueryOptions(db.selectFrom('profiles').selectAll().where('tenant_id', '=', t), o, spec)
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

import type { EntitySpec } from './entity-spec.js';
import { compileFilter, escapeLike, likeCondition } from './compile-filter.js';
import type { PagePlan, QueryOptions, SearchExpression } from './query-options.js';

type Query<DB, TB extends keyof DB, O> = SelectQueryBuilder<DB, TB, O>;

function searchCondition(search: SearchExpression, spec: EntitySpec): RawBuilder<SqlBool> {
  const like = (column: string, pattern: string) =>
    likeCondition({ column, type: 'string', nullable: true }, pattern);
  const either = (parts: readonly RawBuilder<SqlBool>[], joint: 'and' | 'or') =>
    sql<SqlBool>`(${sql.join(parts, sql.raw(` ${joint} `))})`;

  switch (search.kind) {
    case 'term': {
      const pattern = `%${escapeLike(search.term)}%`;
      return either(
        (spec.searchable ?? []).map((column) => like(column, pattern)),
        'or',
      );
    }
    // Each stored token follows a space, so ` token%` anywhere is a token that begins so.
    case 'tokens':
      return either(
        search.tokens.map((token) => like(search.column, `% ${escapeLike(token)}%`)),
        'and',
      );
    case 'prefix':
      return like(search.column, `${escapeLike(search.text)}%`);
    default:
      return either(
        [searchCondition(search.left, spec), searchCondition(search.right, spec)],
        search.kind,
      );
  }
}

/** $filter and $search as WHERE conditions; the count query uses exactly these. */
export function applyFilter<DB, TB extends keyof DB, O>(
  qb: Query<DB, TB, O>,
  options: Pick<QueryOptions, 'filter' | 'search'>,
  spec: EntitySpec,
): Query<DB, TB, O> {
  const filtered = options.filter ? qb.where(compileFilter(options.filter)) : qb;
  if (options.search === null) return filtered;

  return filtered.where(searchCondition(options.search, spec));
}

/**
 * $orderby, then the key column so pages never overlap. Strings sort case-insensitively and
 * nulls sort first ascending (as in SQL Server, behind Graph) on both SQLite and PostgreSQL.
 */
export function applyOrderBy<DB, TB extends keyof DB, O>(
  qb: Query<DB, TB, O>,
  options: Pick<QueryOptions, 'orderBy'>,
  spec: EntitySpec,
): Query<DB, TB, O> {
  let ordered = qb;
  for (const key of options.orderBy) {
    const ref = sql.ref(key.column);
    if (key.nullable) {
      ordered = ordered.orderBy(sql`case when ${ref} is null then 0 else 1 end`, key.direction);
    }
    ordered = ordered.orderBy(key.type === 'string' ? sql`lower(${ref})` : ref, key.direction);
  }
  if (options.orderBy.some((key) => key.column === spec.key)) return ordered;

  return ordered.orderBy(sql.ref(spec.key), 'asc');
}

/** One row more than the page, so takePage can tell whether another page follows. */
export function applyPage<DB, TB extends keyof DB, O>(
  qb: Query<DB, TB, O>,
  page: PagePlan,
): Query<DB, TB, O> {
  return qb.limit(page.size + 1).offset(page.offset);
}

export function applyQueryOptions<DB, TB extends keyof DB, O>(
  qb: Query<DB, TB, O>,
  options: QueryOptions,
  spec: EntitySpec,
): Query<DB, TB, O> {
  return applyPage(applyOrderBy(applyFilter(qb, options, spec), options, spec), options.page);
}

/** The rows of the page and the offset of the next one, or null on the last page. */
export function takePage<T>(
  rows: readonly T[],
  page: PagePlan,
): { readonly rows: T[]; readonly nextOffset: number | null } {
  const more = page.size > 0 && rows.length > page.size;

  return { rows: rows.slice(0, page.size), nextOffset: more ? page.offset + page.size : null };
}

/**
 * `select count(*)` over the same filter and search. PostgreSQL returns the count as a string,
 * so callers read it with Number().
 */
export function countQuery<DB, TB extends keyof DB, O>(
  qb: Query<DB, TB, O>,
  options: Pick<QueryOptions, 'filter' | 'search'>,
  spec: EntitySpec,
) {
  return applyFilter(qb, options, spec).select(sql<string | number>`count(*)`.as('count'));
}
