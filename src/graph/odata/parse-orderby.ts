import { resolvePath, type EntitySpec } from './entity-spec.js';
import { optionError } from './option-error.js';
import { queryLimits } from './limits.js';
import type { OrderByKey } from './query-options.js';
import { withoutCast } from './type-cast.js';

// Segments are names; the first may be a qualified type name, a cast.
const keyPattern = /^([A-Za-z_][\w.]*(?:\/[A-Za-z_]\w*)*)(?:\s+(asc|desc))?$/;

export function parseOrderBy(text: string, spec: EntitySpec): OrderByKey[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > queryLimits.maxOrderByKeys) {
    throw optionError('$orderby', `more than ${queryLimits.maxOrderByKeys} keys`);
  }

  const keys: OrderByKey[] = [];
  for (const part of parts) {
    const match = keyPattern.exec(part);
    if (!match) throw optionError('$orderby', `'${part}' is not 'property [asc|desc]'`);

    const segments = withoutCast(spec, (match[1] as string).split('/'), (reason) =>
      optionError('$orderby', reason),
    );
    const path = segments.join('/');
    const found = resolvePath(spec, segments);
    if (!found) throw optionError('$orderby', `'${path}' is not a property of ${spec.typeName}`);
    if (!found.sortable || found.type === 'complex' || found.type === 'collection') {
      throw optionError('$orderby', `'${path}' cannot be sorted on`);
    }
    if (keys.some((key) => key.column === found.column)) {
      throw optionError('$orderby', `'${path}' appears twice`);
    }

    const direction = match[2] === 'desc' ? 'desc' : 'asc';
    keys.push({
      path,
      column: found.column,
      type: found.type,
      nullable: found.nullable,
      direction,
    });
  }

  return keys;
}
