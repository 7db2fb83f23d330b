import { resolvePath, type EntitySpec } from './entity-spec.js';
import { optionError } from './option-error.js';
import { queryLimits } from './limits.js';
import type { OrderByKey } from './query-options.js';

const keyPattern = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/;

export function parseOrderBy(text: string, spec: EntitySpec): OrderByKey[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > queryLimits.maxOrderByKeys) {
    throw optionError('$orderby', `more than ${queryLimits.maxOrderByKeys} keys`);
  }

  const keys: OrderByKey[] = [];
  for (const part of parts) {
    const match = keyPattern.exec(part);
    if (!match) throw optionError('$orderby', `'${part}' is not 'property [asc|desc]'`);

    const path = match[1] as string;
    const found = resolvePath(spec, path.split('/'));
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
