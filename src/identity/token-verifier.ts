import { decodeJwt, errors, jwtVerify } from 'jose';
import type { CryptoKey, JWTPayload, JWTVerifyGetKey } from 'jose';
import { GraphError, graphError } from '../graph/errors.js';
import { GRAPH_APP_ID, GRAPH_AUDIENCE, issuerFor, normalizePublicUrl } from './issuer.js';
import { findVerificationKey, MIN_RSA_MODULUS_BITS } from './key-ring.js';
import type { KeyRing } from './key-ring.js';
import { fixedKeyRing } from './key-ring-source.js';
import type { KeyRingSource } from './key-ring-source.js';
import type { Principal } from './principal.js';
import { principalFromClaims } from './principal-from-claims.js';
import type { ClaimRules } from './principal-from-claims.js';
import { MAX_AUTHORIZATION_LENGTH, readTokenHeader } from './token-header.js';
import type { TrustedIssuer } from './trusted-issuers.js';

export interface TokenVerifierOptions {
  readonly ring: KeyRing;
  /** Where the built-in issuer's keys come from when they can change; else `ring` alone. */
  readonly keys?: KeyRingSource;
  readonly publicUrl: string;
  /** Accepted `aud` values; by default Graph's (URL and app id) and the server's own URL. */
  readonly audiences?: readonly string[];
  /** Issuers besides the built-in one, each with its own keys. */
  readonly trustedIssuers?: readonly TrustedIssuer[];
  /** Allowed clock skew for exp and nbf; Entra allows five minutes. */
  readonly clockToleranceSeconds?: number;
  readonly now?: () => Date;
}

export interface TokenVerifier {
  /** The caller a request's Authorization header proves, or a 401/403 GraphError. */
  verify(authorizationHeader: string | undefined): Promise<Principal>;
}

export function defaultAudiences(publicUrl: string): string[] {
  return [GRAPH_AUDIENCE, GRAPH_APP_ID, normalizePublicUrl(publicUrl)];
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { clockToleranceSeconds = 300, now = () => new Date(), trustedIssuers = [] } = options;
  const keys = options.keys ?? fixedKeyRing(options.ring);
  const publicUrl = normalizePublicUrl(options.publicUrl);
  const audiences = [...(options.audiences ?? defaultAudiences(publicUrl))];
  const builtInRules = (iss: string): ClaimRules => ({
    issuerFits: (tid) => iss === issuerFor(publicUrl, tid),
    issuerForm: `${publicUrl}/<tid>/v2.0`,
    versions: ['2.0'],
    tenants: null,
  });

  async function verifyWith(token: string, key: CryptoKey | JWTVerifyGetKey, currentDate: Date) {
    try {
      const { payload } = await jwtVerify(token, key as CryptoKey, {
        algorithms: ['RS256'],
        audience: audiences,
        clockTolerance: clockToleranceSeconds,
        currentDate,
        requiredClaims: ['exp', 'nbf', 'iat'],
      });

      return payload;
    } catch (error) {
      throw refusalFor(error);
    }
  }

  async function builtInKey(kid: string, currentDate: Date): Promise<CryptoKey> {
    // A kid we do not hold may come from a key rotated in since the ring was read.
    const key =
      findVerificationKey(keys.current(), kid, currentDate) ??
      findVerificationKey(await keys.refresh(), kid, currentDate);
    if (!key) throw invalid('the token was signed with an unknown or retired key');

    return key.publicKey;
  }

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
    const iss = unverifiedIssuer(token);
    const currentDate = now();

    if (iss.startsWith(`${publicUrl}/`)) {
      const claims = await verifyWith(token, await builtInKey(kid, currentDate), currentDate);

      return principalFromClaims(claims, builtInRules(stringClaim(claims.iss)));
    }

    const trusted = trustedIssuers.find((candidate) => candidate.match(iss) !== null);
    if (!trusted)
      throw invalid('the token was issued by an issuer (iss) this server does not trust');

    const claims = await verifyWith(token, guardedKeys(trusted.keys), currentDate);
    const verifiedIss = stringClaim(claims.iss);
    const namedTenant = trusted.match(verifiedIss);

    return principalFromClaims(claims, {
      // `{tid}` in the issuer must name the same tenant as the token's tid.
      issuerFits: (tid) => namedTenant === '' || namedTenant === tid,
      issuerForm: trusted.config.issuer.replace('{tid}', '<tid>'),
      versions: ['1.0', '2.0'],
      tenants: trusted.config.tenants?.map((tenant) => tenant.toLowerCase()) ?? null,
    });
  }

  return { verify };
}

// Keys from an issuer's key set are checked before use: jose refuses short RSA keys with a bare
// TypeError, and an unreachable key set is the server's trouble, not the caller's.
function guardedKeys(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    let key: CryptoKey;
    try {
      key = (await keys(header, token)) as CryptoKey;
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        throw invalid('the token was signed with a key its issuer does not publish');
      }
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
        throw invalid("the token's key could not be used");
      }
      throw graphError('unavailable', { retryAfter: 30 });
    }

    const bits = (key.algorithm as { modulusLength?: number }).modulusLength ?? 0;
    if (bits < MIN_RSA_MODULUS_BITS) {
      throw invalid(
        `the token was signed with an RSA key shorter than ${MIN_RSA_MODULUS_BITS} bits`,
      );
    }

    return key;
  };
}

function unverifiedIssuer(token: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw invalid('the token is malformed');
  }
  if (typeof claims.iss !== 'string' || claims.iss === '') {
    throw invalid('the token has no issuer (iss)');
  }

  return claims.iss;
}

function stringClaim(value: unknown): string {
  return typeof value === 'string' ? value : '';
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
  if (error instanceof GraphError) return error;
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
