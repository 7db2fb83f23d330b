// Request bodies for security groups, members bound in them included, and for adding a member
// by reference (`$ref`).
import { checkProperties, readString, requireObject, type JsonObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';
import {
  directoryObjectIdOf,
  membersBind,
  ownersBind,
  readMemberBinds,
} from './group-member-binds.js';

export interface GroupChanges {
  readonly displayName?: string;
  readonly description?: string | null;
  readonly mailNickname?: string;
  /** Direct members to add, by object id, from `members@odata.bind`. */
  readonly members?: readonly string[];
}

export interface NewGroup extends GroupChanges {
  readonly displayName: string;
  readonly mailNickname: string;
}

const typeName = 'group';
const changeable = ['displayName', 'description', 'mailNickname', membersBind, ownersBind];
const creatable = [...changeable, 'mailEnabled', 'securityEnabled', 'groupTypes'];
const readOnly = ['id', 'createdDateTime'];
// Graph's rule for mail nicknames: printable ASCII without these characters.
const nicknamePattern = /^[!#$%&'*+\-./0-9=?A-Z^_`a-z{|}~]{1,64}$/;

/** Only security groups exist here: not mail-enabled, not Microsoft 365, not dynamic. */
export function parseNewGroup(input: unknown): NewGroup {
  const body = requireObject(input);
  checkProperties(body, { typeName, writable: creatable, readOnly });

  requireConstant(body, 'mailEnabled', false, 'must be false; only security groups are supported');
  requireConstant(
    body,
    'securityEnabled',
    true,
    'must be true; only security groups are supported',
  );
  const groupTypes = body.groupTypes;
  if (groupTypes !== undefined && !(Array.isArray(groupTypes) && groupTypes.length === 0)) {
    throw graphError('invalidPropertyValue', {
      property: 'groupTypes',
      reason: 'must be empty; Microsoft 365 and dynamic groups are not supported',
    });
  }
  const changes = readChanges(body);
  if (changes.displayName === undefined) throw missing('displayName');
  if (changes.mailNickname === undefined) throw missing('mailNickname');

  return { ...changes, displayName: changes.displayName, mailNickname: changes.mailNickname };
}

export function parseGroupChanges(input: unknown): GroupChanges {
  const body = requireObject(input);
  checkProperties(body, {
    typeName,
    writable: changeable,
    readOnly: [...readOnly, 'mailEnabled', 'securityEnabled', 'groupTypes'],
  });

  return readChanges(body);
}

/**
 * The object a `$ref` body points at: `{"@odata.id": ".../directoryObjects/{id}"}`, also with
 * `devices/{id}`, `groups/{id}` or the key in parentheses, under any base URL.
 */
export function parseMemberReference(input: unknown): string {
  const body = requireObject(input);
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== '@odata.id') {
    throw graphError('invalidRequest', {
      reason: 'The body must be {"@odata.id": "https://.../directoryObjects/{id}"}.',
    });
  }

  const id = directoryObjectIdOf(body['@odata.id']);
  if (id === null) {
    throw graphError('invalidPropertyValue', {
      property: '@odata.id',
      reason: 'must be the URL of a directory object, ending in directoryObjects/{id}',
    });
  }

  return id;
}

function readChanges(body: JsonObject): GroupChanges {
  const displayName = readString(body, 'displayName', { minLength: 1, maxLength: 256 });
  const description = readString(body, 'description', { nullable: true, maxLength: 1024 });
  const mailNickname = readString(body, 'mailNickname', { minLength: 1, maxLength: 64 });
  if (mailNickname !== null && !nicknamePattern.test(mailNickname)) {
    throw graphError('invalidPropertyValue', {
      property: 'mailNickname',
      reason: 'must be ASCII without spaces or any of @ ( ) \\ [ ] " ; : < > ,',
    });
  }

  const members = readMemberBinds(body);

  return {
    ...(displayName !== null && { displayName }),
    ...(body.description !== undefined && { description }),
    ...(mailNickname !== null && { mailNickname }),
    ...(members !== undefined && { members }),
  };
}

function requireConstant(body: JsonObject, property: string, value: boolean, reason: string) {
  if (body[property] !== undefined && body[property] !== value) {
    throw graphError('invalidPropertyValue', { property, reason });
  }
}

function missing(property: string) {
  return graphError('missingProperty', { property });
}
