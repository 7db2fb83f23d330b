// $select and $expand: comma lists of names validated against the spec, in canonical spelling.
import { graphError } from '../errors.js';
import { findByName, type EntitySpec } from './entity-spec.js';
import { optionError } from './option-error.js';
import type { ExpandItem } from './query-options.js';
import { withoutCast } from './type-cast.js';

// A name, or a cast and a name: microsoft.graph.windowsUpdates.driverUpdateCatalogEntry/version.
const namePattern = /^(?:[A-Za-z_][\w.]*\/)?[A-Za-z_]\w*$/;

function splitTopLevel(text: string, option: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth < 0) throw optionError(option, "unbalanced ')'", i);
    if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) throw optionError(option, "unbalanced '('");
  parts.push(text.slice(start).trim());

  return parts;
}

/**
 * Canonical property names to keep, or null for `*`. Navigation properties may be named, as
 * OData allows and SDK users write next to `$expand`; one that is not expanded adds nothing.
 */
export function parseSelect(text: string, spec: EntitySpec, option = '$select'): string[] | null {
  const names = text.split(',').map((name) => name.trim());
  if (names.includes('*')) return null;

  const selected = new Set<string>();
  for (const written of names) {
    if (written === '') throw optionError(option, 'an empty name in the list');
    if (!namePattern.test(written)) {
      throw optionError(option, `'${written}' is not a property name; select whole properties`);
    }

    const path = withoutCast(spec, written.split('/'), (reason) => optionError(option, reason));
    if (path.length !== 1) {
      throw optionError(option, `'${written}' is not a property name; select whole properties`);
    }
    const name = path[0] as string;
    const found = findByName(spec.properties, name)?.name ?? navigationName(spec, name);
    if (!found) throw optionError(option, `'${name}' is not a property of ${spec.typeName}`);
    selected.add(found);
  }

  return [...selected];
}

function navigationName(spec: EntitySpec, name: string): string | undefined {
  const names = [...(spec.expandable?.keys() ?? [])];

  return names.find((key) => key.toLowerCase() === name.toLowerCase());
}

function parseNested(text: string, name: string, target: EntitySpec): string[] | null {
  const parts = text.split(';').map((part) => {
    const equals = part.indexOf('=');
    const key = (equals === -1 ? part : part.slice(0, equals)).trim();
    if (key !== '$select' && key !== 'select') {
      throw graphError('unsupportedQueryOption', { option: key, where: `inside $expand=${name}` });
    }

    return part.slice(equals + 1);
  });
  if (parts.length > 1) throw optionError('$expand', `'$select' is repeated inside '${name}'`);

  return parseSelect(parts[0] ?? '', target, `$expand=${name}($select)`);
}

export function parseExpand(text: string, spec: EntitySpec): ExpandItem[] {
  const items = new Map<string, ExpandItem>();
  for (const part of splitTopLevel(text, '$expand')) {
    const open = part.indexOf('(');
    const rawName = (open === -1 ? part : part.slice(0, open)).trim();
    if (rawName === '*') {
      throw graphError('unsupportedQueryOption', { option: '$expand=*', where: 'by this service' });
    }

    const expandable = spec.expandable ?? new Map<string, EntitySpec>();
    const name = navigationName(spec, rawName);
    const target = name === undefined ? undefined : expandable.get(name);
    if (name === undefined || target === undefined) {
      const allowed = [...expandable.keys()].join(', ') || 'nothing';
      throw optionError(
        '$expand',
        `'${rawName}' cannot be expanded on ${spec.typeName} (${allowed})`,
      );
    }
    if (items.has(name)) throw optionError('$expand', `'${name}' is expanded twice`);
    if (open !== -1 && !part.endsWith(')')) {
      throw optionError('$expand', `text after the options of '${name}'`);
    }

    const nested = open === -1 ? '' : part.slice(open + 1, -1).trim();
    items.set(name, { name, select: nested === '' ? null : parseNested(nested, name, target) });
  }

  return [...items.values()];
}
