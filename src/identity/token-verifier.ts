import { errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { graphError } from '../graph/errors.js';
import type { GraphError } from '../graph/errors.js';
import { GRAPH_APP_ID, GRAPH_AUDIENCE, normalizePublicUrl } from './issuer.js';
import { findVerificationKey } from './key-ring.js';
import type { KeyRing } from './key-ring.js';
import type { Principal } from './principal.js';
import { principalFromClaims } from './principal-from-claims.js';
import { MAX_AUTHORIZATION_LENGTH, readTokenHeader } from './token-header.js';

export interface TokenVerifierOptions {
  readonly ring: KeyRing;
  readonly publicUrl: string;
  /** Accepted `aud` values; by default Graph's (URL and app id) and the server's own URL. */
  readonly audiences?: readonly string[];
  /** Allowed clock skew for exp and nbf; Entra allows five minutes. */
  readonly clockToleranceSeconds?: number;
  readonly now?: () => Date;
}

export interface TokenVerifier {
  /** The caller a request's Authorization header proves, or a 401/403 GraphError. */
  verify(authorizationHeader: string | undefined): Promise<Principal>;
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { ring, clockToleranceSeconds = 300, now = () => new Date() } = options;
  const publicUrl = normalizePublicUrl(options.publicUrl);
  const audiences = [...(options.audiences ?? [GRAPH_AUDIENCE, GRAPH_APP_ID, publicUrl])];

  async function verify(authorizationHeader: string | undefined): Promise<Principal> {
    if (
      authorizationHeader !== undefined &&
      authorizationHeader.length > MAX_AUTHORIZATION_LENGTH
    ) {
      throw invalid(
        `the Authorization header is longer than ${MAX_AUTHORIZATION_LENGTH} characters`,
      );
    }

    const token = bearerToken(authorizationHeader);
    const { kid } = readTokenHeader(token);
    const currentDate = now();
    const key = findVerificationKey(ring, kid, currentDate);
    if (!key) throw invalid('the token was signed with an unknown or retired key');

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key.publicKey, {
        algorithms: [key.alg],
        audience: audiences,
        clockTolerance: clockToleranceSeconds,
        currentDate,
        requiredClaims: ['exp', 'nbf', 'iat'],
      }));
    } catch (error) {
      throw refusalFor(error);
    }

    return principalFromClaims(claims, publicUrl);
  }

  return { verify };
}

function bearerToken(authorizationHeader: string | undefined): string {
  const value = authorizationHeader?.trim() ?? '';
  if (value === '') throw graphError('missingToken', {});

  const [scheme = '', token = '', ...rest] = value.split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') {
    throw invalid('the Authorization header does not use the Bearer scheme');
  }
  if (token === '') throw graphError('missingToken', {});
  if (rest.length > 0) throw invalid('the Authorization header has more than a bearer token');

  return token;
}

// jose's own messages are sound but worded for developers; clients get fixed reasons that
// name the failed check and never quote the token.
function refusalFor(error: unknown): GraphError {
  if (error instanceof errors.JWTExpired) return invalid('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return invalid(`the token has no ${error.claim} claim`);
    if (error.claim === 'nbf') return invalid('the token is not valid yet (nbf)');
    if (error.claim === 'aud') return invalid('the token is meant for another audience (aud)');

    return invalid(`the ${error.claim} claim is invalid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalid('the signature does not verify');
  }
  if (error instanceof errors.JOSEError) return invalid('the token is malformed');

  throw error;
}

function invalid(reason: string) {
  return graphError('invalidToken', { reason });
}
