// The client-credentials grant of the built-in issuer: an app registered in a tenant proves
// itself with its client secret and receives an application token with its roles.
import type { Db } from '../store/store.js';
import { authenticateClient } from './app-registrations.js';
import { isGuid } from './guid.js';
import { GRAPH_APP_ID, GRAPH_AUDIENCE } from './issuer.js';
import type { KeyRing } from './key-ring.js';
import { mintToken } from './mint-token.js';
import { OAuthError } from './oauth-error.js';

export const APP_TOKEN_LIFETIME_SECONDS = 3600;

const graphResources = [GRAPH_AUDIENCE, `${GRAPH_AUDIENCE}/`, GRAPH_APP_ID];
// MSAL may add these to any request; they ask for nothing in an app-only token.
const openIdScopes = ['openid', 'profile', 'offline_access'];

export interface ClientCredentialsRequest {
  /** The tenant segment of the token endpoint's path. */
  readonly tenant: string;
  /** The form body, every value of every parameter. */
  readonly form: ReadonlyMap<string, readonly string[]>;
  readonly authorization: string | undefined;
}

export interface ClientCredentialsContext {
  readonly db: Db;
  readonly ring: KeyRing;
  readonly publicUrl: string;
  readonly now: Date;
}

export interface TokenResponse {
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly ext_expires_in: number;
  readonly access_token: string;
}

export async function issueClientCredentialsToken(
  context: ClientCredentialsContext,
  request: ClientCredentialsRequest,
): Promise<TokenResponse> {
  const tenantId = request.tenant.toLowerCase();
  if (!isGuid(tenantId)) {
    throw new OAuthError('tenantNotFound', `Tenant '${clip(request.tenant)}' not found.`);
  }

  const parameter = (name: string) => single(request.form, name);
  const grantType = parameter('grant_type');
  if (grantType === null) throw missing('grant_type');
  if (grantType !== 'client_credentials') {
    throw new OAuthError(
      'unsupportedGrant',
      `The grant type '${clip(grantType)}' is not supported; only client_credentials is.`,
    );
  }
  if (parameter('client_assertion') !== null) {
    throw new OAuthError(
      'unsupportedClientAuthentication',
      'Client assertions (certificates) are not supported; authenticate with a client secret.',
    );
  }

  const { clientId, clientSecret } = clientCredentialsOf(request, parameter);
  checkScope(parameter('scope'));
  const outcome = await authenticateClient(
    context.db,
    tenantId,
    clientId,
    clientSecret,
    context.now,
  );
  if (outcome.kind === 'unknownClient') {
    throw new OAuthError(
      'unknownClient',
      `Application with identifier '${clip(clientId)}' was not found in the directory ` +
        `'${tenantId}'.`,
    );
  }
  if (outcome.kind === 'wrongSecret') {
    throw new OAuthError(
      'wrongSecret',
      `Invalid client secret provided. Ensure the secret being sent in the request is the ` +
        `client secret value, not the client secret ID, for a secret added to app ` +
        `'${clientId.toLowerCase()}'.`,
    );
  }

  const accessToken = await mintToken(context.ring, {
    publicUrl: context.publicUrl,
    tenantId,
    roles: outcome.app.roles,
    appId: outcome.app.clientId,
    lifetimeSeconds: APP_TOKEN_LIFETIME_SECONDS,
    now: context.now,
  });

  return {
    token_type: 'Bearer',
    expires_in: APP_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: APP_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
  };
}

// RFC 6749 §2.3.1: credentials in the form or in HTTP Basic, never both.
function clientCredentialsOf(
  request: ClientCredentialsRequest,
  parameter: (name: string) => string | null,
): { clientId: string; clientSecret: string } {
  const basic = basicCredentials(request.authorization);
  const formId = parameter('client_id');
  const formSecret = parameter('client_secret');
  if (basic && formSecret !== null) {
    throw new OAuthError(
      'malformedRequest',
      'The client secret was sent both in the Authorization header and in the body; send one.',
    );
  }
  if (basic && formId !== null && formId.toLowerCase() !== basic.clientId.toLowerCase()) {
    throw new OAuthError('malformedRequest', 'The client_id differs from the Basic credentials.');
  }
  if (basic) return basic;
  if (formId === null) throw missing('client_id');
  if (formSecret === null) throw missing("client_assertion' or 'client_secret");

  return { clientId: formId, clientSecret: formSecret };
}

function basicCredentials(
  authorization: string | undefined,
): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return null;

  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('malformedRequest', 'The Basic credentials are malformed.');

  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new OAuthError('malformedRequest', 'The Basic credentials are malformed.');
  }
}

function checkScope(scope: string | null): void {
  if (scope === null) throw missing('scope');

  const scopes = scope.split(' ').filter((item) => item !== '' && !openIdScopes.includes(item));
  const defaults = scopes.filter((item) => item.endsWith('/.default'));
  if (scopes.length !== 1 || defaults.length !== 1) {
    throw new OAuthError(
      'invalidScope',
      `The provided value for scope '${clip(scope)}' is not valid. Client credential flows must ` +
        `have a scope value with /.default suffixed to the resource identifier.`,
    );
  }

  const resource = defaults[0]!.slice(0, -'/.default'.length);
  if (!graphResources.includes(resource.toLowerCase())) {
    throw new OAuthError(
      'unknownResource',
      `The resource principal named '${clip(resource)}' was not found; this issuer mints ` +
        `tokens for ${GRAPH_AUDIENCE} only.`,
    );
  }
}

function single(form: ReadonlyMap<string, readonly string[]>, name: string): string | null {
  const values = form.get(name) ?? [];
  if (values.length > 1) {
    throw new OAuthError('duplicateParameter', `The parameter '${name}' is duplicated.`);
  }

  const value = values[0];

  return value === undefined || value === '' ? null : value;
}

function missing(name: string): OAuthError {
  return new OAuthError(
    'missingParameter',
    `The request body must contain the following parameter: '${name}'.`,
  );
}

// Echoed values are cut short: an error message is no place for a pasted secret or a novel.
function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}...` : value;
}
