// Reads the OData system query options of a request. Graph's beta endpoint accepts each option
// with or without its `$`; option names are lower-case. Anything OData-shaped that this service
// does not implement is a 400 that names it, never silently ignored.
import { graphError } from '../errors.js';
import type { EntitySpec } from './entity-spec.js';
import { bindFilter } from './filter-binder.js';
import { optionError } from './option-error.js';
import { parseFilter } from './filter-parser.js';
import { queryLimits } from './limits.js';
import { parseDirectorySearch } from './parse-directory-search.js';
import { parseOrderBy } from './parse-orderby.js';
import { parseCount, parseSearch, parseSkip, parseTop } from './parse-scalars.js';
import { parseExpand, parseSelect } from './parse-select.js';
import type { QueryOptions, SearchExpression } from './query-options.js';
import { decodeSkipToken, optionsDigest } from './skip-token.js';

export type RawQuery = Readonly<Record<string, string | readonly string[] | undefined>>;
export type QueryTarget = 'collection' | 'entity';

const supported: ReadonlySet<string> = new Set([
  'filter',
  'select',
  'orderby',
  'top',
  'skip',
  'count',
  'expand',
  'search',
  'skiptoken',
]);
const otherODataOptions: ReadonlySet<string> = new Set([
  'apply',
  'compute',
  'format',
  'levels',
  'deltatoken',
  'index',
  'schemaversion',
  'id',
]);
const entityOptions: ReadonlySet<string> = new Set(['select', 'expand']);

function unsupported(option: string, where: string): never {
  throw graphError('unsupportedQueryOption', { option, where });
}

/** Canonical option name (no `$`, lower-case) → raw value, for the options this service knows. */
function collectOptions(query: RawQuery, target: QueryTarget): Map<string, string> {
  const options = new Map<string, string>();
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (name.startsWith('@')) unsupported(name, '(parameter aliases are not supported)');

    const bare = name.startsWith('$') ? name.slice(1) : name;
    const lower = bare.toLowerCase();
    const isOData = name.startsWith('$') || supported.has(lower) || otherODataOptions.has(lower);
    if (!isOData) continue;
    if (bare !== lower && supported.has(lower)) {
      unsupported(name, `(option names are lower-case: use '$${lower}')`);
    }
    if (!supported.has(lower)) unsupported(name, 'by this service');
    if (target === 'entity' && !entityOptions.has(lower)) unsupported(name, 'on a single item');
    if (typeof raw !== 'string' || options.has(lower)) {
      throw optionError(`$${lower}`, 'the option is given more than once');
    }
    options.set(lower, raw);
  }

  return options;
}

export function parseQueryOptions(
  query: RawQuery,
  spec: EntitySpec,
  target: QueryTarget,
): QueryOptions {
  const raw = collectOptions(query, target);
  const text = (name: string): string | null => raw.get(name) ?? null;

  const filterText = text('filter');
  const searchText = text('search');
  if (searchText !== null && (spec.searchable ?? []).length === 0 && !spec.tokenSearch) {
    unsupported('$search', `on ${spec.typeName}`);
  }

  const topText = text('top');
  const skipText = text('skip');
  const orderByText = text('orderby');
  const selectText = text('select');
  const expandText = text('expand');
  const countText = text('count');
  const top = topText === null ? null : parseTop(topText);
  const skip = skipText === null ? null : parseSkip(skipText);

  const shaping = new Map([...raw].filter(([name]) => name !== 'skiptoken'));
  const digest = optionsDigest(spec.typeName, shaping);
  const skipToken = text('skiptoken');
  const offset = skipToken === null ? (skip ?? 0) : decodeSkipToken(skipToken, digest);

  return {
    filter: filterText === null ? null : bindFilter(spec, parseFilter(filterText)),
    search: searchText === null ? null : searchOf(searchText, spec),
    orderBy: orderByText === null ? [] : parseOrderBy(orderByText, spec),
    select: selectText === null ? null : parseSelect(selectText, spec),
    expand: expandText === null ? [] : parseExpand(expandText, spec),
    top,
    skip,
    count: countText === null ? false : parseCount(countText),
    page: { offset, size: top ?? queryLimits.defaultPageSize },
    digest,
  };
}

function searchOf(text: string, spec: EntitySpec): SearchExpression {
  if (spec.tokenSearch) return parseDirectorySearch(text, spec);

  return { kind: 'term', term: parseSearch(text) };
}
