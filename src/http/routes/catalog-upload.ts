// PUT /drivergraph/v1/catalog/packages: adds driver packages to the caller's catalog. Graph has
// no such API, so the path is our own; errors still travel in Graph's envelope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseChid } from '../../catalog/chid.js';
import { groupPackageFiles, type PackageCandidate } from '../../catalog/group-package-files.js';
import { importPackages } from '../../catalog/import-packages.js';
import { packageSourcesFromZip, ZipRejectedError } from '../../catalog/zip-package-sources.js';
import { graphError } from '../../graph/errors.js';
import type { Architecture } from '../../inf/types.js';
import type { Store } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { mediaTypeOf } from '../error-envelope.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { writeCatalog } from './catalog-permissions.js';

export const catalogUploadPath = '/drivergraph/v1/catalog/packages';
export const uploadLimitBytes = 32 * 1024 * 1024;

const infType = 'application/octet-stream';
const zipTypes = ['application/zip', 'application/x-zip-compressed'];
const expected = `${infType} (one INF) or application/zip (a package folder)`;
const architectures: readonly Architecture[] = ['x86', 'amd64', 'arm', 'arm64'];
const knownParameters = new Set(['optional', 'chid', 'name', 'arch']);
const defaultInfName = 'upload.inf';

interface UploadDeps {
  readonly store: Store;
  readonly clock: () => Date;
}

interface UploadOptions {
  readonly optional: boolean;
  readonly chids: string[];
  readonly name: string;
  readonly architectures: Architecture[];
}

/** Registers the upload in a scope of its own, so only it accepts binary bodies. */
export function registerCatalogUploadRoute(server: GraphServer, deps: UploadDeps): void {
  void server.app.register(async (scope) => {
    scope.addContentTypeParser(
      [infType, ...zipTypes],
      { parseAs: 'buffer', bodyLimit: uploadLimitBytes },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler(uploadErrors);
    addRoute(
      { app: scope, routes: server.routes },
      {
        method: 'PUT',
        url: catalogUploadPath,
        permissions: writeCatalog,
        handler: async (request, reply) => {
          const options = parseUploadQuery(request.query);
          const candidates = candidatesOf(request, options.name);
          const report = await importPackages(
            deps.store,
            principalOf(request).tenantId,
            candidates,
            {
              publishing: options.optional ? 'optional' : 'automatic',
              chids: options.chids,
              templateArchitectures: options.architectures,
              now: deps.clock(),
            },
          );

          reply.code(201).send(report);
        },
      },
    );
  });
}

// Errors Fastify raises while reading the body name the server-wide limit and JSON; here the
// limit and the types are the upload's own. Everything else goes to the server's handler.
function uploadErrors(
  this: FastifyInstance,
  error: { code?: string },
  request: FastifyRequest,
): never {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    throw graphError('payloadTooLarge', { limit: uploadLimitBytes });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const contentType = mediaTypeOf(request.headers['content-type']);

    throw graphError('unsupportedUploadType', { contentType, expected });
  }

  throw error;
}

function candidatesOf(request: FastifyRequest, name: string): PackageCandidate[] {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = request.body;

  if (!Buffer.isBuffer(body)) {
    const contentType = mediaTypeOf(request.headers['content-type']);

    throw graphError('unsupportedUploadType', { contentType, expected });
  }
  if (body.length === 0) {
    throw graphError('invalidRequest', { reason: `The body is empty; send ${expected}.` });
  }
  if (!zipTypes.includes(type)) {
    return [{ inf: { path: name, read: async () => new Uint8Array(body) }, siblings: [] }];
  }

  let candidates: PackageCandidate[];

  try {
    candidates = groupPackageFiles(packageSourcesFromZip(new Uint8Array(body)));
  } catch (error) {
    if (!(error instanceof ZipRejectedError)) throw error;

    throw graphError('invalidRequest', { reason: `Refused: ${error.message}.` });
  }

  if (candidates.length === 0) {
    throw graphError('invalidRequest', { reason: 'The zip holds no .inf file.' });
  }

  return candidates;
}

function parseUploadQuery(query: unknown): UploadOptions {
  const raw = (query ?? {}) as Record<string, string | string[] | undefined>;

  const known = [...knownParameters].join(', ');

  for (const key of Object.keys(raw)) {
    if (!knownParameters.has(key)) {
      throw graphError('invalidRequest', {
        reason: `The parameter '${key.slice(0, 40)}' is not supported; use ${known}.`,
      });
    }
  }

  return {
    optional: parseOptional(single(raw, 'optional')),
    chids: list(raw, 'chid').map((text) => {
      const chid = normaliseChid(text);

      if (chid === null) {
        throw graphError('invalidQueryOption', { option: 'chid', reason: 'expected a {GUID}' });
      }

      return chid;
    }),
    name: parseName(single(raw, 'name')),
    architectures: parseArchitectures(list(raw, 'arch')),
  };
}

function single(raw: Record<string, string | string[] | undefined>, key: string) {
  const value = raw[key];

  if (Array.isArray(value)) {
    throw graphError('invalidQueryOption', { option: key, reason: 'given more than once' });
  }

  return value;
}

function list(raw: Record<string, string | string[] | undefined>, key: string): string[] {
  const value = raw[key];

  if (value === undefined) return [];

  return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','));
}

function parseOptional(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;

  throw graphError('invalidQueryOption', { option: 'optional', reason: 'expected true or false' });
}

// A bare file name: the id covers it, and it must not name a place on any file system.
function parseName(value: string | undefined): string {
  if (value === undefined) return defaultInfName;
  // eslint-disable-next-line no-control-regex
  if (!/^[^/\\:*?"<>|\u0000-\u001f]{1,255}$/.test(value) || /^\.+$/.test(value)) {
    throw graphError('invalidQueryOption', {
      option: 'name',
      reason: 'expected a file name such as driver.inf, without folders',
    });
  }

  return value;
}

function parseArchitectures(values: readonly string[]): Architecture[] {
  if (values.length === 0) return ['amd64'];

  return [...new Set(values.map((value) => value.trim().toLowerCase()))].map((value) => {
    if (!architectures.includes(value as Architecture)) {
      throw graphError('invalidQueryOption', {
        option: 'arch',
        reason: `expected one of ${architectures.join(', ')}`,
      });
    }

    return value as Architecture;
  });
}
