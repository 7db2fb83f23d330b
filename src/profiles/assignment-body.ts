// Assignment targets a driver update profile accepts: include groups, exclusion groups and all
// devices. Assignment filters do not apply to driver profiles, so only filter type `none` passes.
import {
  checkODataType,
  checkProperties,
  isGuid,
  readEnum,
  readString,
  requireObject,
} from '../graph/body.js';
import { graphError } from '../graph/errors.js';

export type TargetType =
  'groupAssignmentTarget' | 'exclusionGroupAssignmentTarget' | 'allDevicesAssignmentTarget';

export interface AssignmentTarget {
  readonly type: TargetType;
  readonly groupId: string | null;
}

const targetTypes: readonly TargetType[] = [
  'groupAssignmentTarget',
  'exclusionGroupAssignmentTarget',
  'allDevicesAssignmentTarget',
];
const emptyFilterId = '00000000-0000-0000-0000-000000000000';
export const maxAssignments = 100;

/** A `windowsDriverUpdateProfileAssignment` body; `allowId` admits the id that `assign` echoes. */
export function parseAssignment(input: unknown, allowId = false): AssignmentTarget {
  const body = requireObject(input);
  checkProperties(body, {
    typeName: 'windowsDriverUpdateProfileAssignment',
    writable: allowId ? ['target', 'id'] : ['target'],
    readOnly: ['id'],
  });
  if (allowId) readString(body, 'id', { nullable: true, maxLength: 128 });
  if (body.target === undefined) throw graphError('missingProperty', { property: 'target' });

  return parseTarget(body.target);
}

function parseTarget(input: unknown): AssignmentTarget {
  const target = requireTargetObject(input);
  const type = targetTypeOf(target['@odata.type']);
  checkProperties(target, {
    typeName: type,
    writable:
      type === 'allDevicesAssignmentTarget' ? filterProperties : [...filterProperties, 'groupId'],
  });
  checkFilter(target);
  if (type === 'allDevicesAssignmentTarget') return { type, groupId: null };

  const groupId = readString(target, 'groupId', { required: true, maxLength: 36 })!;
  if (!isGuid(groupId)) {
    throw graphError('invalidPropertyValue', {
      property: 'target/groupId',
      reason: 'must be a GUID',
    });
  }

  return { type, groupId: groupId.toLowerCase() };
}

const filterProperties = [
  'deviceAndAppManagementAssignmentFilterId',
  'deviceAndAppManagementAssignmentFilterType',
];

function requireTargetObject(input: unknown): Readonly<Record<string, unknown>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw graphError('invalidPropertyValue', { property: 'target', reason: 'must be an object' });
  }

  return input as Readonly<Record<string, unknown>>;
}

function targetTypeOf(odataType: unknown): TargetType {
  if (typeof odataType !== 'string') {
    throw graphError('invalidPropertyValue', {
      property: 'target/@odata.type',
      reason: `is required and must name one of ${targetTypes.join(', ')}`,
    });
  }
  const name = odataType.replace(/^#?microsoft\.graph\./, '') as TargetType;
  if (!targetTypes.includes(name)) {
    throw graphError('invalidPropertyValue', {
      property: 'target/@odata.type',
      reason: `must name one of ${targetTypes.join(', ')}; driver profiles target devices`,
    });
  }
  checkODataType(odataType, name);

  return name;
}

function checkFilter(target: Readonly<Record<string, unknown>>): void {
  const filterType = readEnum(target, 'deviceAndAppManagementAssignmentFilterType', [
    'none',
    'include',
    'exclude',
  ]);
  if (filterType !== null && filterType !== 'none') {
    throw graphError('invalidPropertyValue', {
      property: 'target/deviceAndAppManagementAssignmentFilterType',
      reason: "must be 'none'; assignment filters are not supported for driver update profiles",
    });
  }
  const filterId = readString(target, 'deviceAndAppManagementAssignmentFilterId', {
    nullable: true,
    maxLength: 36,
  });
  if (filterId !== null && filterId !== emptyFilterId) {
    throw graphError('invalidPropertyValue', {
      property: 'target/deviceAndAppManagementAssignmentFilterId',
      reason: 'must be null; assignment filters are not supported for driver update profiles',
    });
  }
}

/** Two assignments with one target would make the device set ambiguous. */
export function checkDistinctTargets(targets: readonly AssignmentTarget[]): void {
  if (targets.length > maxAssignments) {
    throw graphError('invalidPropertyValue', {
      property: 'assignments',
      reason: `must have at most ${maxAssignments} items`,
    });
  }
  const seen = new Set<string>();
  for (const target of targets) {
    const key = `${target.type}:${target.groupId ?? ''}`;
    if (seen.has(key)) {
      throw graphError('invalidPropertyValue', {
        property: 'assignments',
        reason: `names the same target twice (${target.groupId ?? 'all devices'})`,
      });
    }
    seen.add(key);
  }
}

export function assignmentJson(row: {
  id: string;
  target_type: string;
  group_id: string | null;
}): Record<string, unknown> {
  const target: Record<string, unknown> = {
    '@odata.type': `#microsoft.graph.${row.target_type}`,
    deviceAndAppManagementAssignmentFilterId: null,
    deviceAndAppManagementAssignmentFilterType: 'none',
  };
  if (row.group_id !== null) target.groupId = row.group_id;

  return {
    '@odata.type': '#microsoft.graph.windowsDriverUpdateProfileAssignment',
    id: row.id,
    target,
  };
}
