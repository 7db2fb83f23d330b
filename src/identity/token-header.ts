import { graphError } from '../graph/errors.js';

// Access tokens, even with many roles or groups, run to a few kilobytes; anything
// bigger is refused before a byte of it is decoded.
export const MAX_AUTHORIZATION_LENGTH = 16 * 1024;

// Headers that point at or carry a key. Honouring them would let the token choose the key
// that verifies it, so their mere presence refuses the token and nothing is ever fetched.
const keyReferenceHeaders = ['jku', 'x5u', 'x5c', 'jwk'] as const;

const base64urlPattern = /^[A-Za-z0-9_-]+$/;

export interface TokenHeader {
  readonly alg: 'RS256';
  readonly kid: string;
}

/** Checks the shape of a compact JWS and its protected header before any key is touched. */
export function readTokenHeader(token: string): TokenHeader {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('the token is not a JWT of three parts');

  const header = decodeJsonObject(parts[0]!);
  if (header === null) throw invalid('the token header is not a base64url JSON object');
  if (header.alg === 'none') throw invalid('unsigned tokens are not accepted');
  if (header.alg !== 'RS256') throw invalid('only RS256 signatures are accepted');
  if (!parts.every((part) => base64urlPattern.test(part))) {
    throw invalid('the token has an empty or non-base64url part');
  }
  if ('crit' in header) throw invalid('the token header has critical extensions (crit)');

  const reference = keyReferenceHeaders.find((name) => name in header);
  if (reference) throw invalid(`the token header names its own key (${reference})`);
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw invalid('the token header has no kid');
  }

  return { alg: header.alg, kid: header.kid };
}

function decodeJsonObject(part: string): Record<string, unknown> | null {
  if (!base64urlPattern.test(part)) return null;

  const bytes = Buffer.from(part, 'base64url');
  // Node decodes leniently; a part that does not survive the round trip was not base64url.
  if (bytes.toString('base64url') !== part) return null;

  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));

    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function invalid(reason: string) {
  return graphError('invalidToken', { reason });
}
