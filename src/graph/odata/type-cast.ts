// Qualified type names in paths and in `isof`. Graph lets a path begin with a cast to the type
// that declares a property (`microsoft.graph.windowsUpdates.driverUpdateCatalogEntry/version`),
// and SDK samples write it so on collections whose base type lacks the property.
import type { EntitySpec } from './entity-spec.js';

export type TypeNameKind = 'instance' | 'other' | 'unknown';

export function isQualifiedName(segment: string): boolean {
  return segment.includes('.');
}

/** Graph matches names case-insensitively; so does this. */
export function classifyTypeName(spec: EntitySpec, name: string): TypeNameKind {
  const lower = name.toLowerCase();
  if (spec.instanceOf.some((type) => type.toLowerCase() === lower)) return 'instance';
  if (spec.otherTypes.some((type) => type.toLowerCase() === lower)) return 'other';

  return 'unknown';
}

/**
 * The property path with a leading cast dropped. A cast to the collection's own type or to one
 * of its bases changes nothing; any other is refused through `refuse`, which must throw.
 */
export function withoutCast(
  spec: EntitySpec,
  path: readonly string[],
  refuse: (message: string) => Error,
): readonly string[] {
  const [first, ...rest] = path;
  if (rest.some(isQualifiedName)) throw refuse(`a path may hold one cast, at its start`);
  if (first === undefined || !isQualifiedName(first)) return path;

  const kind = classifyTypeName(spec, first);
  if (kind === 'other') {
    throw refuse(
      `casts to '${first}' are not supported: every item here is a ${spec.instanceOf[0]}`,
    );
  }
  if (kind === 'unknown') {
    throw refuse(`'${first}' is not ${spec.instanceOf[0]} or a type it derives from`);
  }
  if (rest.length === 0) throw refuse(`the cast '${first}' needs a property after it`);

  return rest;
}
