import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { GraphServer } from './server.js';

export interface RouteSpec {
  readonly method: HTTPMethods;
  readonly url: string;
  /** Any one admits the caller; an empty list means the route is public. */
  readonly permissions: readonly string[];
  /** Serves directory objects, queried as Graph's directory is (see directory-queries.ts). */
  readonly directoryQueries?: boolean;
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** Registers a route with Fastify and with the table that tells 405 from 404. */
export function addRoute(server: GraphServer, spec: RouteSpec): void {
  server.routes.add(spec.method, spec.url);
  server.app.route({
    method: spec.method,
    url: spec.url,
    config: {
      ...(spec.permissions.length > 0 ? { permissions: spec.permissions } : {}),
      ...(spec.directoryQueries ? { directoryQueries: true } : {}),
    },
    handler: spec.handler,
  });
}
