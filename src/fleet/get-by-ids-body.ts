// The body of `POST /directoryObjects/getByIds`: `{"ids": [...], "types": [...]}`, up to 1,000
// ids. `types` narrows the answer to kinds of directory object; kinds Graph has that this
// directory never holds are accepted and simply find nothing.
import { checkProperties, readIdList, requireObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';
import type { MemberType } from './group-repo.js';

export interface GetByIds {
  readonly ids: readonly string[];
  /** The kinds asked for; null asks for every kind. */
  readonly types: ReadonlySet<MemberType> | null;
}

const heldTypes: readonly string[] = ['device', 'group'];
const graphTypes = [
  ...heldTypes,
  'user',
  'servicePrincipal',
  'application',
  'orgContact',
  'administrativeUnit',
  'directoryRole',
  'directoryObject',
];

export function parseGetByIds(input: unknown): GetByIds {
  const body = requireObject(input);
  checkProperties(body, { typeName: 'getByIds', writable: ['ids', 'types'] });

  return { ids: readIdList(body, 'ids', 1000), types: typesOf(body.types) };
}

function typesOf(value: unknown): ReadonlySet<MemberType> | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((type) => typeof type !== 'string')) {
    throw invalidTypes('must be a list of type names, such as "device" or "group"');
  }

  const kinds = (value as string[]).map(canonicalType);
  if (kinds.includes('directoryObject')) return null;

  return new Set(kinds.filter((kind): kind is MemberType => heldTypes.includes(kind)));
}

/** Graph's name for a kind of directory object, given in any case, qualified or not. */
function canonicalType(name: string): string {
  const bare = name.replace(/^#?microsoft\.graph\./i, '').toLowerCase();
  const kind = graphTypes.find((type) => type.toLowerCase() === bare);
  if (kind === undefined) throw invalidTypes(`names '${name}', which is no directory object type`);

  return kind;
}

function invalidTypes(reason: string) {
  return graphError('invalidPropertyValue', { property: 'types', reason });
}
