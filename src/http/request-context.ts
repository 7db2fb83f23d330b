import type { Principal } from '../identity/index.js';

/** What the server learns about a request before its handler runs. */
export interface GraphRequestContext {
  /** Scheme, host and port the client used, for `@odata.context` and `@odata.nextLink`. */
  baseUrl: string;
  /** `beta` or `v1.0`. */
  version: string;
  /** The URL as the client sent it, before path forms were normalised. */
  originalUrl: string;
  clientRequestId: string;
  principal: Principal | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    graph: GraphRequestContext;
  }
  interface FastifyContextConfig {
    /** Any one of these permissions admits the caller; absent means no token is needed. */
    permissions?: readonly string[];
    /** Serves directory objects, queried as Graph's directory is (directory-queries.ts). */
    directoryQueries?: boolean;
  }
}

export function principalOf(request: { graph: GraphRequestContext }): Principal {
  const principal = request.graph.principal;
  if (!principal) throw new Error('route reached without an authenticated principal');

  return principal;
}
