export {
  defineEntity,
  property,
  resolvePath,
  type EntityInput,
  type EntitySpec,
  type PropertyInput,
  type PropertySpec,
  type PropertyType,
} from './entity-spec.js';
export type { BoundFilter, SyntaxNode } from './filter-ast.js';
export { bindFilter } from './filter-binder.js';
export { parseFilter } from './filter-parser.js';
export { compileFilter } from './compile-filter.js';
export { parseQueryOptions, type QueryTarget, type RawQuery } from './parse-query-options.js';
export type {
  ExpandItem,
  OrderByKey,
  PagePlan,
  QueryOptions,
  SearchExpression,
} from './query-options.js';
export {
  applyFilter,
  applyOrderBy,
  applyPage,
  applyQueryOptions,
  countQuery,
  takePage,
} from './apply-query-options.js';
export { buildNextLink } from './next-link.js';
export { projectEntity } from './project-entity.js';
export { queryLimits } from './limits.js';
