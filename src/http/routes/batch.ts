// `POST /{version}/$batch`: JSON batching. Each request runs through the whole server, hooks
// included, with the caller's own credentials, so a batch can do nothing its parts could not.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { graphError } from '../../graph/errors.js';
import { parseBatch, type BatchItem } from '../batch-body.js';
import { errorEnvelope } from '../error-envelope.js';
import { addRoute } from '../add-route.js';
import type { GraphServer } from '../server.js';

interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

export function registerBatchRoute(server: GraphServer, clock: () => Date): void {
  for (const version of ['beta', 'v1.0']) {
    addRoute(server, {
      method: 'POST',
      url: `/${version}/$batch`,
      permissions: [],
      handler: async (request, reply) => {
        const items = parseBatch(request.body);
        const responses = await runBatch(server.app, request, version, items, clock);
        reply.send({ responses });
      },
    });
  }
}

async function runBatch(
  app: FastifyInstance,
  outer: FastifyRequest,
  version: string,
  items: readonly BatchItem[],
  clock: () => Date,
): Promise<BatchResponse[]> {
  const sequential = items.some((item) => item.dependsOn.length > 0);
  if (!sequential) return Promise.all(items.map((item) => runOne(app, outer, version, item)));

  const statuses = new Map<string, number>();
  const responses: BatchResponse[] = [];
  for (const item of items) {
    const failed = item.dependsOn.some((d) => (statuses.get(d.toLowerCase()) ?? 500) >= 400);
    const response = failed
      ? failedDependency(item, statuses, outer, clock())
      : await runOne(app, outer, version, item);
    statuses.set(item.id.toLowerCase(), response.status);
    responses.push(response);
  }

  return responses;
}

async function runOne(
  app: FastifyInstance,
  outer: FastifyRequest,
  version: string,
  item: BatchItem,
): Promise<BatchResponse> {
  const headers: Record<string, string> = { ...item.headers };
  if (outer.headers.authorization) headers.authorization = outer.headers.authorization;
  headers['client-request-id'] = outer.graph.clientRequestId;
  if (outer.headers.host) headers.host = outer.headers.host;

  const result = await app.inject({
    method: item.method,
    url: versioned(version, item.url),
    headers,
    ...(item.body !== undefined && { payload: JSON.stringify(item.body) }),
  });
  const type = String(result.headers['content-type'] ?? '');
  const kept: Record<string, string> = {};
  // Graph spells batched headers canonically, and the SDKs look them up that way.
  for (const name of ['Content-Type', 'Location', 'Retry-After', 'OData-Version']) {
    const value = result.headers[name.toLowerCase()];
    if (value !== undefined) kept[name] = String(value);
  }

  return {
    id: item.id,
    status: result.statusCode,
    headers: kept,
    ...(result.body !== '' && {
      body: type.startsWith('application/json')
        ? (JSON.parse(result.body) as unknown)
        : result.body,
    }),
  };
}

/**
 * Graph's SDKs strip `https://graph.microsoft.com/beta` from batched URLs but keep the version
 * when the host is another, so a URL already under the batch's version is taken as it is.
 */
function versioned(version: string, url: string): string {
  return url.toLowerCase().startsWith(`/${version}/`) ? url : `/${version}${url}`;
}

function failedDependency(
  item: BatchItem,
  statuses: ReadonlyMap<string, number>,
  outer: FastifyRequest,
  now: Date,
): BatchResponse {
  const dependency = item.dependsOn.find((d) => (statuses.get(d.toLowerCase()) ?? 500) >= 400)!;
  const error = graphError('failedDependency', { dependency });
  const ids = { requestId: outer.id, clientRequestId: outer.graph.clientRequestId };

  return {
    id: item.id,
    status: error.status,
    headers: { 'Content-Type': 'application/json' },
    body: errorEnvelope(error, ids, now),
  };
}
