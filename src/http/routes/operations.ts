// Unauthenticated endpoints: liveness, readiness and the metadata document. None reveals
// tenant data.
import { metadataDocument } from '../../graph/metadata.js';
import type { Store } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import type { GraphServer } from '../server.js';

export function registerOperationRoutes(
  server: GraphServer,
  deps: { readonly store: Store },
): void {
  addRoute(server, {
    method: 'GET',
    url: '/health',
    permissions: [],
    handler: async (_request, reply) => reply.send({ status: 'ok' }),
  });

  addRoute(server, {
    method: 'GET',
    url: '/ready',
    permissions: [],
    handler: async (request, reply) => {
      try {
        await deps.store.ping();
        reply.send({ status: 'ready' });
      } catch (error) {
        request.log.warn({ err: error }, 'store not ready');
        reply.code(503).send({ status: 'unavailable' });
      }
    },
  });

  addRoute(server, {
    method: 'GET',
    url: '/beta/$metadata',
    permissions: [],
    handler: async (_request, reply) => {
      reply
        .type('application/xml; charset=utf-8')
        .header('odata-version', '4.0')
        .send(metadataDocument);
    },
  });
}
