// Request bodies for creating and updating devices, checked as Graph checks them.
import {
  checkProperties,
  isGuid,
  readDateTime,
  readString,
  requireObject,
  type JsonObject,
} from '../graph/body.js';
import { graphError } from '../graph/errors.js';

export interface DeviceChanges {
  readonly displayName?: string;
  readonly operatingSystem?: string | null;
  readonly operatingSystemVersion?: string | null;
  readonly approximateLastSignInDateTime?: string | null;
}

export interface NewDevice extends DeviceChanges {
  readonly deviceId: string;
  readonly displayName: string;
}

const typeName = 'device';
const changeable = [
  'displayName',
  'operatingSystem',
  'operatingSystemVersion',
  'approximateLastSignInDateTime',
  'accountEnabled',
];
// Graph requires alternativeSecurityIds at create; they identify the device's key for Entra
// sign-in, which has no meaning here, so they are accepted and not kept.
const creatable = [...changeable, 'deviceId', 'alternativeSecurityIds'];
const readOnly = ['id', 'registrationDateTime'];

export function parseNewDevice(input: unknown): NewDevice {
  const body = requireObject(input);
  checkProperties(body, { typeName, writable: creatable, readOnly });

  const deviceId = readString(body, 'deviceId', { required: true, maxLength: 36 }) ?? '';
  if (!isGuid(deviceId)) {
    throw graphError('invalidPropertyValue', { property: 'deviceId', reason: 'must be a GUID' });
  }
  if (body.alternativeSecurityIds !== undefined && !Array.isArray(body.alternativeSecurityIds)) {
    throw graphError('invalidPropertyValue', {
      property: 'alternativeSecurityIds',
      reason: 'must be an array',
    });
  }
  const changes = readChanges(body);

  return {
    ...changes,
    deviceId: deviceId.toLowerCase(),
    displayName: changes.displayName ?? missing('displayName'),
  };
}

export function parseDeviceChanges(input: unknown): DeviceChanges {
  const body = requireObject(input);
  checkProperties(body, { typeName, writable: changeable, readOnly: [...readOnly, 'deviceId'] });

  return readChanges(body);
}

function readChanges(body: JsonObject): DeviceChanges {
  if (body.accountEnabled !== undefined && body.accountEnabled !== true) {
    throw graphError('invalidPropertyValue', {
      property: 'accountEnabled',
      reason: 'must be true; disabled devices are not supported',
    });
  }
  const displayName = readString(body, 'displayName', { minLength: 1, maxLength: 256 });
  const operatingSystem = readString(body, 'operatingSystem', { nullable: true, maxLength: 64 });
  const version = readString(body, 'operatingSystemVersion', { nullable: true, maxLength: 64 });
  const lastSignIn = readDateTime(body, 'approximateLastSignInDateTime', { nullable: true });

  return {
    ...(displayName !== null && { displayName }),
    ...(body.operatingSystem !== undefined && { operatingSystem }),
    ...(body.operatingSystemVersion !== undefined && { operatingSystemVersion: version }),
    ...(body.approximateLastSignInDateTime !== undefined && {
      approximateLastSignInDateTime: lastSignIn,
    }),
  };
}

function missing(property: string): never {
  throw graphError('missingProperty', { property });
}
