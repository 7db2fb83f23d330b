// Graph's directory takes fewer query options than its other collections. It never skips
// (`$skip`; clients page by `@odata.nextLink`), and it answers some queries only from an index
// that may lag behind writes, to callers that say they accept that with the header
// `ConsistencyLevel: eventual`:
// - `/$count` and `$search` need the header;
// - `$count=true` is taken from anyone, but the page carries its count only with the header;
// - the advanced queries (`ne` or `not` in `$filter`, `$filter` with `$orderby`, and sorting by
//   most properties) need the header and `$count=true` both.
// Some filters it takes on no terms at all (directory-filter-rules.ts).
// Routes that serve directory objects are marked with `config.directoryQueries`; a client that
// leaves these out sees here what it would on Graph.
import type { FastifyRequest } from 'fastify';
import { graphError } from '../graph/errors.js';
import type { EntitySpec, QueryOptions } from '../graph/odata/index.js';
import { advancedOperatorIn, refusedClauseColumn } from './directory-filter-rules.js';

// Graph's directory sorts these without the advanced query parameters; any other sort needs them.
const sortableByDefault: Readonly<Record<string, readonly string[]>> = {
  'microsoft.graph.group': ['displayName'],
};

export function checkDirectoryRequest(request: FastifyRequest): void {
  if (!request.routeOptions.config.directoryQueries) return;

  const query = request.query as Record<string, unknown>;
  if ('$skip' in query || 'skip' in query) throw graphError('skipNotSupported', {});
  if (acceptsEventual(request.headers.consistencylevel)) return;

  if (request.routeOptions.url?.endsWith('/$count')) {
    throw graphError('countNeedsEventualConsistency', {});
  }
  if ('$search' in query || 'search' in query) {
    throw graphError('searchNeedsEventualConsistency', {});
  }
}

/** Whether a page asked for with `$count=true` carries its `@odata.count`. */
export function answersInlineCount(request: FastifyRequest): boolean {
  return (
    !request.routeOptions.config.directoryQueries ||
    acceptsEventual(request.headers.consistencylevel)
  );
}

/**
 * Refuses a page of directory objects that asks for a filter Graph's directory never takes, or
 * for what only an advanced query may ask without the parameters that make it one.
 */
export function checkDirectoryQuery(
  request: FastifyRequest,
  options: QueryOptions,
  spec: EntitySpec,
): void {
  if (!request.routeOptions.config.directoryQueries) return;

  refuseUnsupportedClause(options, spec);
  if (!isAdvancedQuery(request, options)) refuseAdvancedOnly(options, spec);
}

function refuseUnsupportedClause(options: QueryOptions, spec: EntitySpec): void {
  const column = options.filter === null ? null : refusedClauseColumn(options.filter);
  if (column === null) return;

  throw graphError('filterClauseNotSupported', {
    property: propertyOfColumn(spec, column),
    resource: spec.typeName.charAt(0).toUpperCase() + spec.typeName.slice(1),
  });
}

function isAdvancedQuery(request: FastifyRequest, options: QueryOptions): boolean {
  // A `/$count` segment is itself the count an advanced query asks for.
  const counted = options.count || request.routeOptions.url?.endsWith('/$count') === true;

  return counted && acceptsEventual(request.headers.consistencylevel);
}

function refuseAdvancedOnly(options: QueryOptions, spec: EntitySpec): void {
  const operator = options.filter === null ? null : advancedOperatorIn(options.filter);
  if (operator !== null) throw graphError('operatorNeedsAdvancedQuery', { operator });

  if (options.orderBy.length === 0) return;
  const plain = sortableByDefault[spec.instanceOf[0] ?? ''] ?? [];
  const sortsByDefault = options.orderBy.every((key) => plain.includes(key.path));
  if (options.filter !== null || !sortsByDefault) throw graphError('sortNeedsAdvancedQuery', {});
}

function propertyOfColumn(spec: EntitySpec, column: string): string {
  const properties = [...spec.properties.values()];

  return properties.find((p) => p.filterable && p.column === column)?.name ?? column;
}

function acceptsEventual(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && header.trim().toLowerCase() === 'eventual';
}
