// What a body is written in, checked before it is read: a compressed body or JSON in another
// charset would otherwise be parsed as plain UTF-8 and fail, or worse, half succeed.
import type { IncomingHttpHeaders } from 'node:http';
import { graphError } from '../graph/errors.js';

const MAX_QUOTED = 40;

function quoted(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');

  return printable.length > MAX_QUOTED ? `${printable.slice(0, MAX_QUOTED)}...` : printable;
}

// The parameter's value may be quoted: `charset="utf-8"`.
function charsetOf(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name = '', value = ''] = parameter.split('=', 2);

    if (name.trim().toLowerCase() === 'charset') {
      return value.trim().replace(/^"(.*)"$/, '$1');
    }
  }

  return null;
}

function isJson(contentType: string): boolean {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase() === 'application/json';
}

/** Throws the Graph 415 for a body that is compressed, or JSON in a charset other than UTF-8. */
export function checkBodyEncoding(headers: IncomingHttpHeaders): void {
  const encoding = (headers['content-encoding'] ?? '').trim();

  if (encoding !== '' && encoding.toLowerCase() !== 'identity') {
    throw graphError('unsupportedContentEncoding', { encoding: quoted(encoding) });
  }

  const contentType = headers['content-type'] ?? '';
  const charset = isJson(contentType) ? charsetOf(contentType) : null;

  if (charset !== null && !['utf-8', 'utf8'].includes(charset.toLowerCase())) {
    throw graphError('unsupportedCharset', { charset: quoted(charset) });
  }
}
