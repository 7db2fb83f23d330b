// Bound filter → SQL through Kysely. Identifiers come only from the EntitySpec (sql.ref) and
// every value is a bound parameter. Each leaf is two-valued (never SQL NULL), so `not` keeps
// OData's meaning on nullable columns. The SQL is the same on SQLite and PostgreSQL.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

import type { BoundColumn, BoundFilter, CompareOp, StoredValue } from './filter-ast.js';

type Condition = RawBuilder<SqlBool>;

const operators: Readonly<Record<CompareOp, string>> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
};

function column(target: BoundColumn): RawBuilder<unknown> {
  const ref = sql.ref(target.column);

  return target.type === 'string' ? sql`lower(${ref})` : sql`${ref}`;
}

function value(target: BoundColumn, stored: StoredValue): RawBuilder<unknown> {
  return target.type === 'string' ? sql`lower(${stored})` : sql`${stored}`;
}

/** Keeps a comparison false (or true, for `ne`) on NULL instead of unknown. */
function nullSafe(target: BoundColumn, condition: Condition, whenNull: boolean): Condition {
  if (!target.nullable) return condition;

  const ref = sql.ref(target.column);

  return whenNull
    ? sql<SqlBool>`(${ref} is null or ${condition})`
    : sql<SqlBool>`(${ref} is not null and ${condition})`;
}

/** Escapes LIKE wildcards so user text matches literally (paired with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function likeCondition(target: BoundColumn, pattern: string): Condition {
  return sql<SqlBool>`${column(target)} like lower(${pattern}) escape '\\'`;
}

function compare(node: BoundFilter & { kind: 'compare' }): Condition {
  const ref = sql.ref(node.target.column);
  if (node.value === null) {
    return node.op === 'eq' ? sql<SqlBool>`${ref} is null` : sql<SqlBool>`${ref} is not null`;
  }

  const op = sql.raw(operators[node.op]);
  const condition = sql<SqlBool>`${column(node.target)} ${op} ${value(node.target, node.value)}`;

  return nullSafe(node.target, condition, node.op === 'ne');
}

function inList(node: BoundFilter & { kind: 'in' }): Condition {
  const ref = sql.ref(node.target.column);
  const isNull = sql<SqlBool>`${ref} is null`;
  if (node.values.length === 0) return node.includesNull ? isNull : sql<SqlBool>`1 = 0`;

  const items = sql.join(node.values.map((item) => value(node.target, item)));
  const condition = nullSafe(
    node.target,
    sql<SqlBool>`${column(node.target)} in (${items})`,
    false,
  );

  return node.includesNull ? sql<SqlBool>`(${condition} or ${isNull})` : condition;
}

function match(node: BoundFilter & { kind: 'match' }): Condition {
  const escaped = escapeLike(node.value);
  const pattern =
    node.fn === 'startswith'
      ? `${escaped}%`
      : node.fn === 'endswith'
        ? `%${escaped}`
        : `%${escaped}%`;

  return nullSafe(node.target, likeCondition(node.target, pattern), false);
}

export function compileFilter(node: BoundFilter): Condition {
  switch (node.kind) {
    case 'and':
      return sql<SqlBool>`(${compileFilter(node.left)} and ${compileFilter(node.right)})`;
    case 'or':
      return sql<SqlBool>`(${compileFilter(node.left)} or ${compileFilter(node.right)})`;
    case 'not':
      return sql<SqlBool>`(not ${compileFilter(node.operand)})`;
    case 'compare':
      return compare(node);
    case 'in':
      return inList(node);
    case 'match':
      return match(node);
    case 'constant':
      return node.value ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`;
  }
}
