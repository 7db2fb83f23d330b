// Graph counts and searches directory objects from an index that may lag behind writes, and so
// answers `/$count` and `$search` on them only to callers that say they accept that, with the
// header `ConsistencyLevel: eventual`. `$count=true` it takes from anyone, but leaves the count
// out of the page unless the header is sent. Routes that serve directory objects are marked with
// `config.eventualQueries`; a client that forgets the header sees here what it would on Graph.
import type { FastifyRequest } from 'fastify';
import { graphError } from '../graph/errors.js';

export function checkEventualConsistency(request: FastifyRequest): void {
  if (!request.routeOptions.config.eventualQueries) return;
  if (acceptsEventual(request.headers.consistencylevel)) return;

  if (request.routeOptions.url?.endsWith('/$count')) {
    throw graphError('countNeedsEventualConsistency', {});
  }
  const query = request.query as Record<string, unknown>;
  if ('$search' in query || 'search' in query) {
    throw graphError('searchNeedsEventualConsistency', {});
  }
}

/** Whether a page asked for with `$count=true` carries its `@odata.count`. */
export function answersInlineCount(request: FastifyRequest): boolean {
  return (
    !request.routeOptions.config.eventualQueries ||
    acceptsEventual(request.headers.consistencylevel)
  );
}

function acceptsEventual(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && header.trim().toLowerCase() === 'eventual';
}
