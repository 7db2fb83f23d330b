// Bodies of the directory actions that ask which groups an object belongs to:
// `getMemberGroups` and `getMemberObjects` take `{"securityEnabledOnly": bool}`,
// `checkMemberGroups` `{"groupIds": [...]}` and `checkMemberObjects` `{"ids": [...]}`, at most 20.
import { checkProperties, readIdList, requireObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';

/** Reads `securityEnabledOnly`, which Graph requires; every group here is a security group. */
export function parseGetMemberGroups(input: unknown, action: string): void {
  const body = requireObject(input);
  checkProperties(body, { typeName: action, writable: ['securityEnabledOnly'] });
  if (body.securityEnabledOnly === undefined) {
    throw graphError('missingProperty', { property: 'securityEnabledOnly' });
  }
  if (typeof body.securityEnabledOnly !== 'boolean') {
    throw graphError('invalidPropertyValue', {
      property: 'securityEnabledOnly',
      reason: 'must be true or false',
    });
  }
}

/** The ids to check, lower-cased, from `groupIds` or `ids`: 1 to 20 GUIDs. */
export function parseCheckMemberIds(input: unknown, action: string, list: string): string[] {
  const body = requireObject(input);
  checkProperties(body, { typeName: action, writable: [list] });
  const ids = readIdList(body, list, 20);
  if (ids.length === 0) {
    throw graphError('invalidPropertyValue', { property: list, reason: 'must not be empty' });
  }

  return ids;
}
