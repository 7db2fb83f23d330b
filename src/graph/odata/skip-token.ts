// $skiptoken is opaque to clients: base64url of a small JSON with the next offset and a digest of
// the other options, so a token replayed with different options is refused instead of paging
// through a different result.
import { createHash } from 'node:crypto';

import { optionError } from './option-error.js';

/** A stable digest of the options (canonical name → raw value) that shape a result. */
export function optionsDigest(typeName: string, options: ReadonlyMap<string, string>): string {
  const entries = [...options.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return createHash('sha256')
    .update(JSON.stringify([typeName, entries]))
    .digest('base64url')
    .slice(0, 16);
}

export function encodeSkipToken(offset: number, digest: string): string {
  return Buffer.from(JSON.stringify({ o: offset, d: digest })).toString('base64url');
}

/** The offset a token carries; a 400 when it is malformed or was minted for other options. */
export function decodeSkipToken(token: string, digest: string): number {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]{1,200}$/.test(token)
      ? JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
      : null;
  } catch {
    parsed = null;
  }

  const { o: offset, d: tokenDigest } = (parsed ?? {}) as { o?: unknown; d?: unknown };
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw optionError('$skiptoken', 'the token is not one this service issued');
  }
  if (tokenDigest !== digest) {
    throw optionError('$skiptoken', 'the token belongs to a request with different query options');
  }

  return offset;
}
