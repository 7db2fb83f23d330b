// The built-in issuer's endpoints, one set per tenant and shaped like Entra ID's, so that MSAL
// and azure-identity can be pointed at the server: discovery document, signing keys, token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../store/store.js';
import {
  issueClientCredentialsToken,
  isGuid,
  OAuthError,
  oauthErrorBody,
  openIdConfiguration,
  publicJwks,
} from '../../identity/index.js';
import type { KeyRingSource } from '../../identity/index.js';
import type { GraphServer } from '../server.js';

// A token request is a handful of short parameters.
const FORM_BODY_LIMIT = 16 * 1024;

export interface IssuerRouteDeps {
  readonly db: Db;
  readonly keys: KeyRingSource;
  /** The URL the issuer is named after; known once the server listens. */
  readonly publicUrl: () => string;
  readonly clock: () => Date;
}

interface TenantParams {
  readonly tenant: string;
}

export function registerIssuerRoutes(server: GraphServer, deps: IssuerRouteDeps): void {
  void server.app.register(async (scope) => issuerRoutes(scope, deps));
}

async function issuerRoutes(scope: FastifyInstance, deps: IssuerRouteDeps): Promise<void> {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, formOf(body as string)),
  );
  scope.setErrorHandler((error, request, reply) => {
    if (!(error instanceof OAuthError) && !isClientFault(error)) throw error;

    const oauth =
      error instanceof OAuthError
        ? error
        : new OAuthError('malformedRequest', 'The request body is not a form of at most 16 KB.');
    request.log.info({ error: oauth.kind }, 'token request refused');
    void sendOAuthError(request, reply, oauth, deps.clock());
  });

  scope.get<{ Params: TenantParams }>(
    '/:tenant/v2.0/.well-known/openid-configuration',
    async (request) => openIdConfiguration(deps.publicUrl(), knownTenant(request.params.tenant)),
  );
  scope.get<{ Params: TenantParams }>('/:tenant/discovery/v2.0/keys', async (request) => {
    knownTenant(request.params.tenant);

    return publicJwks(await deps.keys.refresh());
  });
  scope.get<{ Params: TenantParams }>('/:tenant/oauth2/v2.0/authorize', async (request) => {
    knownTenant(request.params.tenant);
    throw new OAuthError(
      'interactiveNotOffered',
      'Interactive sign-in is not offered by this issuer; use the client-credentials grant.',
    );
  });
  scope.post<{ Params: TenantParams; Body: ReadonlyMap<string, readonly string[]> }>(
    '/:tenant/oauth2/v2.0/token',
    async (request, reply) => {
      if (!(request.body instanceof Map)) {
        throw new OAuthError(
          'malformedRequest',
          'Send the token request as application/x-www-form-urlencoded.',
        );
      }

      const token = await issueClientCredentialsToken(
        {
          db: deps.db,
          ring: await deps.keys.refresh(),
          publicUrl: deps.publicUrl(),
          now: deps.clock(),
        },
        {
          tenant: request.params.tenant,
          form: request.body,
          authorization: request.headers.authorization,
        },
      );
      reply.header('pragma', 'no-cache');

      return token;
    },
  );
}

function knownTenant(tenant: string): string {
  if (!isGuid(tenant)) {
    throw new OAuthError(
      'tenantNotFound',
      'Tenant not found: tenant ids of this issuer are GUIDs.',
    );
  }

  return tenant.toLowerCase();
}

function formOf(body: string): ReadonlyMap<string, readonly string[]> {
  const form = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    form.set(name, [...(form.get(name) ?? []), value]);
  }

  return form;
}

function isClientFault(error: unknown): boolean {
  const status = (error as { statusCode?: number } | null)?.statusCode;

  return typeof status === 'number' && status >= 400 && status < 500;
}

async function sendOAuthError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: OAuthError,
  now: Date,
): Promise<void> {
  const ids = { traceId: request.id, correlationId: request.graph.clientRequestId };

  await reply
    .code(error.status)
    .type('application/json')
    .send(oauthErrorBody(error, ids, now));
}
