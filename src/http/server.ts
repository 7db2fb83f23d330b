// The Graph HTTP surface on Fastify: path forms normalised before routing, the caller identified
// from its token before anything else, every error in Graph's envelope, one log line per request.
import { randomUUID } from 'node:crypto';
import { maxHeaderSize as httpMaxHeaderSize } from 'node:http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import { graphError } from '../graph/errors.js';
import type { TokenVerifier } from '../identity/index.js';
import { requirePermission } from '../identity/index.js';
import { checkBodyEncoding } from './body-encoding.js';
import { answerClientError } from './client-error.js';
import { errorEnvelope, toGraphError } from './error-envelope.js';
import { checkDirectoryRequest } from './directory-queries.js';
import { normalizeGraphUrl } from './graph-path.js';
import { parseJsonBody } from './json-body.js';
import { acceptedClientRequestId } from './request-ids.js';
import './request-context.js';
import { RouteTable } from './route-table.js';

export interface HttpSettings {
  readonly bodyLimit: number;
  /** Fixed external URL; when null, links are built from the Host header the client used. */
  readonly publicUrl: string | null;
  /** Certificate and key in PEM; absent or null serves plain HTTP. */
  readonly tls?: { readonly cert: string; readonly key: string } | null;
  /** Node's limit on the request line and headers together; above it the answer is 431. */
  readonly maxHeaderBytes?: number;
}

export interface ServerDeps {
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly verifier: TokenVerifier;
  readonly settings: HttpSettings;
}

export interface GraphServer {
  readonly app: FastifyInstance;
  readonly routes: RouteTable;
}

const apiVersions = ['beta', 'v1.0'];
const hostPattern = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function createGraphServer(deps: ServerDeps): GraphServer {
  const app = Fastify({
    ...nodeServerOptions(deps.settings),
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    genReqId: () => randomUUID(),
    bodyLimit: deps.settings.bodyLimit,
    rewriteUrl: (raw) => normalizeGraphUrl(raw.url ?? '/'),
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      ignoreDuplicateSlashes: false,
      // Long keys reach the handlers, whose own checks answer with a Graph error that names them.
      maxParamLength: 1024,
    },
    // Fastify answers URLs it cannot route (bad percent-encoding, over-long keys) before any
    // hook runs, in its own shape; this puts them in Graph's envelope with Graph's headers.
    frameworkErrors: (error, request, reply) => {
      const graph = toGraphError(error, {
        requestId: request.id,
        bodyLimit: deps.settings.bodyLimit,
      });
      const clientRequestId = acceptedClientRequestId(
        request.headers['client-request-id'],
        request.id,
      );
      reply
        .header('request-id', request.id)
        .header('client-request-id', clientRequestId)
        .header('odata-version', '4.0');
      sendError(request, reply, graph, deps.clock(), clientRequestId);
    },
    clientErrorHandler: (error, socket) => {
      deps.logger.debug({ code: error.code }, 'request refused by the HTTP parser');
      answerClientError(error, socket, maxHeaderBytesOf(deps.settings), deps.clock());
    },
    // Requests that arrive while closing get Graph's own 503 below, not Fastify's.
    return503OnClosing: false,
  });
  const routes = new RouteTable();
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.decorateRequest('graph');
  app.addHook('onRequest', async (request, reply) => {
    request.graph = contextOf(request, deps.settings.publicUrl);
    request.log = request.log.child({ clientRequestId: request.graph.clientRequestId });
    reply.header('request-id', request.id);
    reply.header('client-request-id', request.graph.clientRequestId);
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    if (closing) {
      throw graphError('unavailable', { retryAfter: 5 }, { 'retry-after': '5' });
    }
    if (request.raw.httpVersion === '1.1' && !request.headers.host) {
      throw graphError('invalidRequest', { reason: 'An HTTP/1.1 request needs a Host header.' });
    }
  });
  app.addHook('onRequest', async (request) => {
    const permissions = request.routeOptions.config.permissions;
    if (!permissions && !needsToken(request)) return;

    const principal = await deps.verifier.verify(request.headers.authorization);
    request.graph.principal = principal;
    request.log = request.log.child({ tenant: principal.tenantId });
    if (permissions) requirePermission(principal, permissions);
  });
  app.addHook('onRequest', async (request) => checkDirectoryRequest(request));
  // After the token is checked, before the body is read.
  app.addHook('preParsing', async (request, _reply, payload) => {
    checkBodyEncoding(request.headers);

    return payload;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json')) {
      reply.header('content-type', 'application/json; odata.metadata=minimal; charset=utf-8');
      reply.header('odata-version', '4.0');
    }

    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const graph = toGraphError(error, {
      requestId: request.id,
      bodyLimit: deps.settings.bodyLimit,
      contentType: request.headers['content-type'],
    });
    if (graph.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (graph.status === 401)
      request.log.warn({ reason: graph.message }, 'authentication refused');
    sendError(request, reply, graph, deps.clock());
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request.url);
    const methods = routes.methodsFor(path);
    // Messages quote the path as the client wrote it, before its forms were normalised.
    const written = truncate(pathOf(request.graph.originalUrl));
    const error =
      methods.length > 0
        ? graphError('methodNotAllowed', { method: request.method, path: written })
        : graphError('routeNotFound', { path: written });
    if (methods.length > 0) reply.header('allow', methods.join(', '));
    sendError(request, reply, error, deps.clock());
  });

  return { app, routes };
}

function pathOf(url: string): string {
  return (url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/';
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ReturnType<typeof graphError>,
  now: Date,
  clientRequestId = request.graph?.clientRequestId ?? request.id,
): void {
  const ids = { requestId: request.id, clientRequestId };
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  reply
    .code(error.status)
    .type('application/json')
    .send(errorEnvelope(error, ids, now));
}

function contextOf(request: FastifyRequest, publicUrl: string | null) {
  const originalUrl = request.originalUrl;
  const version = originalUrl.split('/')[1] ?? '';

  return {
    baseUrl: publicUrl ?? requestBaseUrl(request),
    version: apiVersions.includes(version.toLowerCase()) ? version.toLowerCase() : 'beta',
    originalUrl,
    clientRequestId: acceptedClientRequestId(request.headers['client-request-id'], request.id),
    principal: null,
  };
}

/** Graph paths need a token even when no route matches, so probing learns nothing. */
function needsToken(request: FastifyRequest): boolean {
  const first = (request.url.split('/')[1] ?? '').toLowerCase();
  const path = request.url.split('?')[0] ?? '';

  return apiVersions.includes(first) && !path.toLowerCase().endsWith('/$metadata');
}

function requestBaseUrl(request: FastifyRequest): string {
  const host = request.headers.host ?? '';

  return hostPattern.test(host) ? `${request.protocol}://${host}` : 'http://localhost';
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

interface NodeServerOptions {
  readonly maxHeaderSize?: number | undefined;
  readonly requireHostHeader: boolean;
}

function maxHeaderBytesOf(settings: HttpSettings): number {
  return settings.maxHeaderBytes ?? httpMaxHeaderSize;
}

// TLS and the header limit belong to Node's own server; Fastify hands them through. Either way
// the instance behaves alike, so it is typed as the plain HTTP one. Node would answer a missing
// Host header with an empty 400 of its own; the request hook answers it in Graph's envelope.
function nodeServerOptions(settings: HttpSettings): { http: NodeServerOptions } {
  const shared = { maxHeaderSize: settings.maxHeaderBytes, requireHostHeader: false };
  if (!settings.tls) return { http: shared };

  return { https: { ...settings.tls, ...shared } } as unknown as { http: NodeServerOptions };
}
