// Graph's response shapes: `@odata.context` on every payload, collections as `{value: [...]}`
// with `@odata.count` and `@odata.nextLink` when they apply.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SelectQueryBuilder } from 'kysely';
import {
  applyQueryOptions,
  buildNextLink,
  countQuery,
  parseQueryOptions,
  projectEntity,
  takePage,
  type EntitySpec,
  type ExpandItem,
  type QueryOptions,
  type RawQuery,
} from '../graph/odata/index.js';
import { answersInlineCount, checkDirectoryQuery } from './directory-queries.js';

type Json = Record<string, unknown>;
type Query<DB, TB extends keyof DB, O> = SelectQueryBuilder<DB, TB, O>;

export function metadataUrl(baseUrl: string, version: string, fragment: string): string {
  return `${baseUrl}/${version}/$metadata#${fragment}`;
}

function selectSuffix(select: readonly string[] | null): string {
  return select ? `(${select.join(',')})` : '';
}

export function entityOptions(request: FastifyRequest, spec: EntitySpec): QueryOptions {
  return parseQueryOptions(request.query as RawQuery, spec, 'entity');
}

export interface EntityReply {
  readonly contextPath: string;
  readonly json: Json;
  readonly options?: QueryOptions;
  readonly status?: number;
  readonly location?: string;
}

export function sendEntity(request: FastifyRequest, reply: FastifyReply, out: EntityReply): void {
  const select = out.options?.select ?? null;
  const context = metadataUrl(
    request.graph.baseUrl,
    request.graph.version,
    `${out.contextPath}${selectSuffix(select)}/$entity`,
  );
  const body = projectEntity(out.json, select, out.options?.expand ?? []);
  if (out.location) reply.header('location', out.location);
  reply.code(out.status ?? 200).send({ '@odata.context': context, ...body });
}

export interface CollectionRequest<DB, TB extends keyof DB, O, Row> {
  readonly spec: EntitySpec;
  readonly contextPath: string;
  /** Tenant-scoped rows, before any OData option. */
  readonly base: Query<DB, TB, O>;
  readonly toJson: (row: Row) => Json;
  readonly expand?: (rows: readonly Row[], items: readonly ExpandItem[]) => Promise<Json[]>;
}

export async function sendCollection<DB, TB extends keyof DB, O, Row>(
  request: FastifyRequest,
  reply: FastifyReply,
  collection: CollectionRequest<DB, TB, O, Row>,
): Promise<void> {
  const options = parseQueryOptions(request.query as RawQuery, collection.spec, 'collection');
  checkDirectoryQuery(request, options, collection.spec);
  const query = applyQueryOptions(collection.base.selectAll(), options, collection.spec);
  const page = takePage((await query.execute()) as Row[], options.page);
  const items =
    collection.expand && options.expand.length > 0
      ? await collection.expand(page.rows, options.expand)
      : page.rows.map(collection.toJson);

  const body: Json = {
    '@odata.context': metadataUrl(
      request.graph.baseUrl,
      request.graph.version,
      `${collection.contextPath}${selectSuffix(options.select)}`,
    ),
  };
  if (options.count && answersInlineCount(request))
    body['@odata.count'] = await countRows(collection.base, options, collection.spec);
  if (page.nextOffset !== null) {
    body['@odata.nextLink'] = buildNextLink(requestUrl(request), options, page.nextOffset);
  }
  body.value = items.map((item) => projectEntity(item, options.select, options.expand));
  reply.send(body);
}

/** `GET .../$count`: the number as plain text, with the collection's $filter and $search. */
export async function sendCount<DB, TB extends keyof DB, O>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: EntitySpec,
  base: Query<DB, TB, O>,
): Promise<void> {
  const options = parseQueryOptions(request.query as RawQuery, spec, 'collection');
  checkDirectoryQuery(request, options, spec);
  const count = await countRows(base, options, spec);
  reply.type('text/plain; charset=utf-8').send(String(count));
}

async function countRows<DB, TB extends keyof DB, O>(
  base: Query<DB, TB, O>,
  options: QueryOptions,
  spec: EntitySpec,
): Promise<number> {
  const row = (await countQuery(base, options, spec).executeTakeFirst()) as
    { count: string | number } | undefined;

  return Number(row?.count ?? 0);
}

function requestUrl(request: FastifyRequest): string {
  return `${request.graph.baseUrl}${request.graph.originalUrl}`;
}
