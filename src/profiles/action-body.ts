// Bodies of `executeAction` and of a PATCH on one driver: what an admin decides.
import { checkProperties, readDateTime, readEnum, requireObject } from '../graph/body.js';
import { graphError } from '../graph/errors.js';
import {
  approvalActions,
  approvalStatuses,
  type ApprovalAction,
  type ApprovalStatus,
} from '../approval/transitions.js';

export const maxDriversPerAction = 100;
const maxDriverIdLength = 256;

export interface DriverAction {
  readonly action: ApprovalAction;
  readonly driverIds: readonly string[];
  /** When the driver becomes available; null means now. Only for `approve`. */
  readonly deploymentDate: string | null;
}

export function parseDriverAction(input: unknown): DriverAction {
  const body = requireObject(input);
  checkProperties(body, {
    typeName: 'executeAction',
    writable: ['actionName', 'driverIds', 'deploymentDate'],
  });
  const action = readEnum(body, 'actionName', approvalActions, { required: true })!;
  const deploymentDate = readDateTime(body, 'deploymentDate', { nullable: true });
  if (deploymentDate !== null && action !== 'approve') {
    throw graphError('invalidPropertyValue', {
      property: 'deploymentDate',
      reason: "applies only to the 'approve' action",
    });
  }

  return { action, driverIds: readDriverIds(body.driverIds), deploymentDate };
}

function readDriverIds(value: unknown): string[] {
  if (value === undefined) throw graphError('missingProperty', { property: 'driverIds' });
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidIds('must be a non-empty array of driver ids');
  }
  if (value.length > maxDriversPerAction) {
    throw invalidIds(`must have at most ${maxDriversPerAction} items per request`);
  }
  for (const id of value) {
    if (typeof id !== 'string' || id.length === 0 || id.length > maxDriverIdLength) {
      throw invalidIds(`items must be strings of 1 to ${maxDriverIdLength} characters`);
    }
  }

  return [...new Set(value as string[])];
}

function invalidIds(reason: string) {
  return graphError('invalidPropertyValue', { property: 'driverIds', reason });
}

export interface DriverPatch {
  readonly approvalStatus: ApprovalStatus | null;
  readonly deployDateTime: string | null;
}

const inventoryReadOnly = [
  'id',
  'name',
  'version',
  'manufacturer',
  'releaseDateTime',
  'driverClass',
  'applicableDeviceCount',
  'category',
];

export function parseDriverPatch(input: unknown): DriverPatch {
  const body = requireObject(input);
  checkProperties(body, {
    typeName: 'windowsDriverUpdateInventory',
    writable: ['approvalStatus', 'deployDateTime'],
    readOnly: inventoryReadOnly,
  });

  return {
    approvalStatus: readEnum(body, 'approvalStatus', approvalStatuses),
    deployDateTime: readDateTime(body, 'deployDateTime'),
  };
}
