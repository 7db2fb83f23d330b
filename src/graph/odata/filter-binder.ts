// Checks a $filter syntax tree against an EntitySpec and produces the bound tree: columns from
// the spec, values in storage form. Everything the spec does not allow is a 400 naming it.
import { resolvePath, type EntitySpec, type PropertySpec } from './entity-spec.js';
import type {
  BoundColumn,
  BoundFilter,
  CompareOp,
  LiteralNode,
  MatchFunction,
  SyntaxNode,
} from './filter-ast.js';
import { filterError } from './option-error.js';
import { literalValue } from './literal-value.js';
import { classifyTypeName, withoutCast } from './type-cast.js';

const matchFunctions: ReadonlySet<string> = new Set(['startswith', 'endswith', 'contains']);
const orderedTypes: ReadonlySet<string> = new Set(['string', 'int', 'dateTimeOffset']);
const mirrored: Readonly<Record<CompareOp, CompareOp>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

function property(spec: EntitySpec, node: SyntaxNode & { kind: 'property' }): PropertySpec {
  const path = withoutCast(spec, node.path, (reason) => filterError(reason, node.position));
  const name = path.join('/');
  const found = resolvePath(spec, path);
  if (!found) {
    throw filterError(`'${name}' is not a property of ${spec.typeName}`, node.position);
  }
  if (found.type === 'complex') {
    throw filterError(`'${name}' is a complex property; filter on one of its parts`, node.position);
  }
  if (!found.filterable) throw filterError(`'${name}' cannot be filtered on`, node.position);

  return found;
}

function target(found: PropertySpec): BoundColumn {
  return { column: found.column, type: found.type, nullable: found.nullable };
}

function bindCompare(spec: EntitySpec, node: SyntaxNode & { kind: 'compare' }): BoundFilter {
  const { left, right } = node;
  if (left.kind === 'literal' && right.kind === 'property') {
    return bindCompare(spec, { ...node, op: mirrored[node.op], left: right, right: left });
  }
  if (left.kind === 'call' && right.kind === 'literal') return bindCallComparison(spec, node);
  if (left.kind === 'literal' && right.kind === 'call') {
    return bindCallComparison(spec, { ...node, left: right, right: left });
  }
  if (left.kind === 'not') {
    throw filterError(
      `'not' binds to the term after it; write not (a ${node.op} b)`,
      left.position,
    );
  }
  if (left.kind !== 'property' || right.kind !== 'literal') {
    throw filterError(`'${node.op}' compares a property with a literal`, node.position);
  }

  const found = property(spec, left);
  if (right.type === 'null') {
    if (node.op !== 'eq' && node.op !== 'ne') {
      throw filterError(`null can only be compared with 'eq' or 'ne'`, right.position);
    }

    return { kind: 'compare', op: node.op, target: target(found), value: null };
  }

  const value = literalValue(found, right);
  const ordered = node.op === 'eq' || node.op === 'ne' || orderedTypes.has(found.type);
  if (!ordered) {
    throw filterError(
      `'${node.op}' does not apply to '${found.name}' (${found.type})`,
      node.position,
    );
  }

  return { kind: 'compare', op: node.op, target: target(found), value };
}

function bindCallComparison(spec: EntitySpec, node: SyntaxNode & { kind: 'compare' }): BoundFilter {
  const call = bind(spec, node.left);
  const literal = node.right as LiteralNode;
  if (literal.type !== 'boolean' || (node.op !== 'eq' && node.op !== 'ne')) {
    throw filterError(`a function result can only be compared with true or false`, node.position);
  }

  const wanted = (literal.text === 'true') === (node.op === 'eq');

  return wanted ? call : { kind: 'not', operand: call };
}

function bindIn(spec: EntitySpec, node: SyntaxNode & { kind: 'in' }): BoundFilter {
  if (node.operand.kind !== 'property') {
    throw filterError(`'in' needs a property on its left`, node.position);
  }

  const found = property(spec, node.operand);
  const literals = node.items.filter((item) => item.type !== 'null');
  const values = [...new Set(literals.map((item) => literalValue(found, item)))];

  return {
    kind: 'in',
    target: target(found),
    values,
    includesNull: literals.length < node.items.length,
  };
}

/** `isof(T)`: whether each item is a T. Every item of a collection here is of one type. */
function bindIsOf(spec: EntitySpec, node: SyntaxNode & { kind: 'call' }): BoundFilter {
  const [type] = node.args;
  const name =
    type?.kind === 'literal' && type.type === 'string'
      ? type.text
      : type?.kind === 'property' && type.path.length === 1
        ? type.path[0]
        : undefined;
  if (node.args.length !== 1 || name === undefined) {
    throw filterError(`'isof' takes one argument, a qualified type name`, node.position);
  }

  const kind = classifyTypeName(spec, name);
  if (kind === 'unknown') {
    const known = [...spec.instanceOf, ...spec.otherTypes].join(', ');
    throw filterError(`isof here tells apart ${known}; '${name}' is none of them`, node.position);
  }

  return { kind: 'constant', value: kind === 'instance' };
}

function bindCall(spec: EntitySpec, node: SyntaxNode & { kind: 'call' }): BoundFilter {
  if (node.name === 'isof') return bindIsOf(spec, node);
  if (!matchFunctions.has(node.name)) {
    throw filterError(`the function '${node.name}' is not supported`, node.position);
  }

  const [subject, pattern] = node.args;
  if (node.args.length !== 2 || subject?.kind !== 'property' || pattern?.kind !== 'literal') {
    throw filterError(`'${node.name}' takes a property and a string literal`, node.position);
  }

  const found = property(spec, subject);
  if (found.type !== 'string') {
    throw filterError(
      `'${node.name}' needs a string property; '${found.name}' is ${found.type}`,
      subject.position,
    );
  }
  if (pattern.type !== 'string') {
    throw filterError(
      `'${node.name}' needs a string literal as its second argument`,
      pattern.position,
    );
  }

  return {
    kind: 'match',
    fn: node.name as MatchFunction,
    target: target(found),
    value: pattern.text,
  };
}

function bind(spec: EntitySpec, node: SyntaxNode): BoundFilter {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, left: bind(spec, node.left), right: bind(spec, node.right) };
    case 'not':
      return { kind: 'not', operand: bind(spec, node.operand) };
    case 'compare':
      return bindCompare(spec, node);
    case 'in':
      return bindIn(spec, node);
    case 'call':
      return bindCall(spec, node);
    case 'literal':
      if (node.type !== 'boolean') {
        throw filterError(`the literal ${node.text} is not a condition`, node.position);
      }

      return { kind: 'constant', value: node.text === 'true' };
    case 'property': {
      const found = property(spec, node);
      if (found.type !== 'boolean') {
        throw filterError(
          `'${found.name}' is not a boolean; compare it with a value`,
          node.position,
        );
      }

      return { kind: 'compare', op: 'eq', target: target(found), value: 1 };
    }
  }
}

/** Type-checks a parsed filter against the spec. */
export function bindFilter(spec: EntitySpec, node: SyntaxNode): BoundFilter {
  return bind(spec, node);
}
