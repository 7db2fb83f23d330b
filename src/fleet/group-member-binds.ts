// Members bound in a group's own body, as Graph takes them when a group is created or updated:
// `"members@odata.bind": ["https://graph.microsoft.com/v1.0/directoryObjects/{id}", ...]`, up
// to 20 in one request. Owners are users or service principals, which this directory never
// holds, so `owners@odata.bind` is refused with that reason.
import { isGuid, type JsonObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';

export const membersBind = 'members@odata.bind';
export const ownersBind = 'owners@odata.bind';

const maxBinds = 20;
const referencePattern =
  /\/(?:directoryObjects|devices|groups)(?:\/|\(')([0-9a-fA-F-]{36})(?:'\))?\/?$/;

/** The object id a reference URL ends in, or null when it names no directory object. */
export function directoryObjectIdOf(reference: unknown): string | null {
  const id = typeof reference === 'string' ? referencePattern.exec(reference)?.[1] : undefined;

  return id !== undefined && isGuid(id) ? id.toLowerCase() : null;
}

/** The member ids a body binds, each once; undefined when it binds none. */
export function readMemberBinds(body: JsonObject): readonly string[] | undefined {
  if (body[ownersBind] !== undefined) {
    throw graphError('invalidPropertyValue', {
      property: ownersBind,
      reason: 'names owners, which are users or service principals; this directory holds none',
    });
  }
  const binds = body[membersBind];
  if (binds === undefined) return undefined;
  if (!Array.isArray(binds) || binds.length === 0 || binds.length > maxBinds) {
    throw invalidBinds(`must be a list of 1 to ${maxBinds} directory object URLs`);
  }

  const ids = binds.map((reference) => {
    const id = directoryObjectIdOf(reference);
    if (id === null) throw invalidBinds('must list URLs ending in directoryObjects/{id}');
    return id;
  });
  if (new Set(ids).size !== ids.length) throw invalidBinds('lists the same member twice');

  return ids;
}

function invalidBinds(reason: string) {
  return graphError('invalidPropertyValue', { property: membersBind, reason });
}
