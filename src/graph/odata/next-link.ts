import type { QueryOptions } from './query-options.js';
import { encodeSkipToken } from './skip-token.js';

function isSkipToken(pair: string): boolean {
  const name = pair.split('=')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    decoded = name;
  }

  return decoded === '$skiptoken' || decoded === 'skiptoken';
}

/**
 * The `@odata.nextLink` for the next page: the request URL with every original option kept
 * byte for byte and the skip token replaced or added.
 */
export function buildNextLink(
  requestUrl: string | URL,
  options: Pick<QueryOptions, 'digest'>,
  nextOffset: number,
): string {
  const url = new URL(requestUrl);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isSkipToken(pair));
  kept.push(`$skiptoken=${encodeSkipToken(nextOffset, options.digest)}`);
  url.search = '';

  return `${url.toString()}?${kept.join('&')}`;
}
