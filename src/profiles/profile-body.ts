// What a client may write on a driver update profile, checked before anything is stored.
import {
  checkProperties,
  readEnum,
  readInt,
  readString,
  readStringArray,
  requireObject,
} from '../graph/body.js';
import { graphError } from '../graph/errors.js';

export type ApprovalType = 'manual' | 'automatic';
export const approvalTypes: readonly ApprovalType[] = ['manual', 'automatic'];

export interface NewProfile {
  readonly displayName: string;
  readonly description: string | null;
  readonly approvalType: ApprovalType;
  readonly deploymentDeferralInDays: number | null;
  readonly roleScopeTagIds: readonly string[];
}

export type ProfileChanges = Partial<Omit<NewProfile, 'approvalType'>>;

const typeName = 'windowsDriverUpdateProfile';
const writable = [
  'displayName',
  'description',
  'approvalType',
  'deploymentDeferralInDays',
  'roleScopeTagIds',
];
const readOnly = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'deviceReporting',
  'newUpdates',
  'inventorySyncStatus',
  'assignments',
  'driverInventories',
];
const scopeTagPattern = /^\d{1,10}$/;

export function parseNewProfile(input: unknown): NewProfile {
  const body = requireObject(input);
  checkProperties(body, { typeName, writable, readOnly });
  const approvalType = readEnum(body, 'approvalType', approvalTypes, { required: true })!;
  const deferral = readDeferral(body, approvalType);

  return {
    displayName: readString(body, 'displayName', { required: true, minLength: 1, maxLength: 256 })!,
    description: readString(body, 'description', { nullable: true, maxLength: 1500 }),
    approvalType,
    deploymentDeferralInDays: approvalType === 'automatic' ? (deferral ?? 0) : null,
    roleScopeTagIds: readScopeTags(body) ?? ['0'],
  };
}

/** Changes for an existing profile; approvalType may be repeated but never changed. */
export function parseProfileChanges(input: unknown, current: ApprovalType): ProfileChanges {
  const body = requireObject(input);
  checkProperties(body, { typeName, writable, readOnly });
  const approvalType = readEnum(body, 'approvalType', approvalTypes);
  if (approvalType !== null && approvalType !== current) {
    throw graphError('invalidPropertyValue', {
      property: 'approvalType',
      reason: 'cannot be changed after the profile is created',
    });
  }
  const changes: { -readonly [K in keyof ProfileChanges]: ProfileChanges[K] } = {};
  if ('displayName' in body) {
    changes.displayName = readString(body, 'displayName', { minLength: 1, maxLength: 256 })!;
  }
  if ('description' in body) {
    changes.description = readString(body, 'description', { nullable: true, maxLength: 1500 });
  }
  if ('deploymentDeferralInDays' in body) {
    changes.deploymentDeferralInDays = readDeferral(body, current);
  }
  if ('roleScopeTagIds' in body) changes.roleScopeTagIds = readScopeTags(body) ?? ['0'];

  return changes;
}

function readDeferral(
  body: Readonly<Record<string, unknown>>,
  approvalType: ApprovalType,
): number | null {
  const days = readInt(body, 'deploymentDeferralInDays', { nullable: true, min: 0, max: 30 });
  if (days !== null && approvalType !== 'automatic') {
    throw graphError('invalidPropertyValue', {
      property: 'deploymentDeferralInDays',
      reason: 'applies only to profiles with automatic approval',
    });
  }

  return days;
}

function readScopeTags(body: Readonly<Record<string, unknown>>): string[] | null {
  const tags = readStringArray(body, 'roleScopeTagIds', {
    maxItems: 100,
    pattern: scopeTagPattern,
    itemRule: 'scope tag ids (digits)',
  });

  return tags === null ? null : [...new Set(tags)];
}
