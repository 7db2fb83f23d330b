// The body of `POST /$batch`: at most 20 requests, each with a unique id, a method, a relative
// URL and, with a body, a Content-Type header. Dependencies may only name earlier requests.
import { requireObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';

export const maxBatchRequests = 20;
const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
type Method = (typeof methods)[number];

export interface BatchItem {
  readonly id: string;
  readonly method: Method;
  /** Relative to the version segment, always starting with `/`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

export function parseBatch(input: unknown): BatchItem[] {
  const body = requireObject(input);
  const extra = Object.keys(body).find((name) => name !== 'requests');
  if (extra) throw invalid(`'${extra.slice(0, 64)}' is not a property of a batch request`);
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw invalid("'requests' must be a non-empty array");
  }
  if (requests.length > maxBatchRequests) {
    throw invalid(`a batch holds at most ${maxBatchRequests} requests`);
  }

  const seen = new Set<string>();
  const items = requests.map((raw: unknown, index) => parseItem(raw, index, seen));
  const dependent = items.some((item) => item.dependsOn.length > 0);
  if (dependent && items.some((item, index) => index > 0 && item.dependsOn.length === 0)) {
    throw invalid('when one request has dependsOn, every request after the first must have it');
  }

  return items;
}

function parseItem(raw: unknown, index: number, seen: Set<string>): BatchItem {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw invalid(`request ${index} must be an object`);
  }
  const item = raw as Record<string, unknown>;
  const allowed = ['id', 'method', 'url', 'headers', 'body', 'dependsOn'];
  const extra = Object.keys(item).find((name) => !allowed.includes(name));
  if (extra) throw invalid(`request ${index}: '${extra.slice(0, 64)}' is not allowed`);

  const id = text(item.id, `request ${index}: 'id'`, 64);
  if (seen.has(id.toLowerCase())) throw invalid(`the request id '${id}' appears twice`);
  const method = text(item.method, `request ${id}: 'method'`, 10).toUpperCase() as Method;
  if (!methods.includes(method)) throw invalid(`request ${id}: method '${method}' is not allowed`);
  const headers = readHeaders(item.headers, id);
  if (item.body !== undefined && !Object.keys(headers).includes('content-type')) {
    throw invalid(`request ${id}: a body needs a Content-Type header`);
  }
  const dependsOn = readDependsOn(item.dependsOn, id, seen);
  seen.add(id.toLowerCase());

  return { id, method, url: readUrl(item.url, id), headers, body: item.body, dependsOn };
}

function readUrl(value: unknown, id: string): string {
  const url = text(value, `request ${id}: 'url'`, 2048);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    throw invalid(`request ${id}: the url must be relative to the version, like /deviceManagement`);
  }
  const path = url.startsWith('/') ? url : `/${url}`;
  if (/^\/\$batch(\?|$)/i.test(path)) throw invalid(`request ${id}: batches cannot be nested`);

  return path;
}

function readHeaders(value: unknown, id: string): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`request ${id}: 'headers' must be an object of strings`);
  }
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value as Record<string, unknown>)) {
    if (typeof header !== 'string' || header.length > 1024 || !/^[A-Za-z0-9-]{1,64}$/.test(name)) {
      throw invalid(`request ${id}: header '${name.slice(0, 64)}' is not valid`);
    }
    headers[name.toLowerCase()] = header;
  }

  return headers;
}

function readDependsOn(value: unknown, id: string, earlier: ReadonlySet<string>): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((d) => typeof d !== 'string')) {
    throw invalid(`request ${id}: 'dependsOn' must be an array of request ids`);
  }
  for (const dependency of value as string[]) {
    if (!earlier.has(dependency.toLowerCase())) {
      throw invalid(
        `request ${id}: dependsOn names '${dependency}', which is not an earlier request`,
      );
    }
  }

  return value as string[];
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw invalid(`${what} must be a string of 1 to ${max} characters`);
  }

  return value;
}

function invalid(reason: string) {
  return graphError('invalidRequest', { reason: `Invalid batch request: ${reason}.` });
}
