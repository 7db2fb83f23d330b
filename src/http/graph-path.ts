// Graph clients address the same resource several ways. Before routing, every form becomes the
// plain one: `things('key')` → `things/key`, `microsoft.graph.action` → `action`. An alternate
// key, `devices(deviceId='key')`, becomes `devices/deviceId=key` for its route to look up.

const keyInParentheses = /^([A-Za-z][A-Za-z0-9]*)\((?:'((?:[^']|'')*)'|([^'()]*))\)$/;
const qualifiedName = /^microsoft\.graph\.([A-Za-z][A-Za-z0-9]*)$/i;
const alternateKey = /^([A-Za-z][A-Za-z0-9]*)\(([A-Za-z][A-Za-z0-9]*)='((?:[^']|'')*)'\)$/;

export function normalizeGraphUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);

  return path.split('/').map(normalizeSegment).join('/') + query;
}

function normalizeSegment(raw: string): string {
  const segment = safeDecode(raw);
  if (segment === null) return raw;

  const qualified = qualifiedName.exec(segment);
  if (qualified) return qualified[1]!;

  const alternate = alternateKey.exec(segment);
  if (alternate) {
    const [, name, property, quoted] = alternate;
    return `${name}/${property}=${encodeURIComponent(quoted!.replace(/''/g, "'"))}`;
  }

  const keyed = keyInParentheses.exec(segment);
  if (!keyed) return raw;
  const key = keyed[2] !== undefined ? keyed[2].replace(/''/g, "'") : keyed[3]!;

  return `${keyed[1]}/${encodeURIComponent(key)}`;
}

function safeDecode(segment: string): string | null {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
