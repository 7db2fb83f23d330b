import { graphError } from '../graph/errors.js';
import type { Principal } from './principal.js';

export const DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL = 'DeviceManagementConfiguration.Read.All';
export const DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL =
  'DeviceManagementConfiguration.ReadWrite.All';

/**
 * Throws 403 unless the principal holds one of the permissions: delegated callers through
 * their `scp` scopes, applications through their `roles`. Device tokens grant neither.
 */
export function requirePermission(principal: Principal, anyOf: readonly string[]): void {
  const granted = grantedPermissions(principal);
  if (anyOf.some((permission) => granted.has(permission))) return;

  const needed = anyOf.length === 1 ? anyOf[0] : `one of ${anyOf.join(', ')}`;

  throw graphError('forbidden', { reason: `${grantRule[principal.kind]} ${needed}` });
}

const grantRule = {
  delegated: 'the operation requires the delegated scope',
  application: 'the operation requires the application role',
  device: 'device tokens carry no Graph permissions; the operation requires',
} as const satisfies Record<Principal['kind'], string>;

function grantedPermissions(principal: Principal): ReadonlySet<string> {
  switch (principal.kind) {
    case 'delegated':
      return principal.scopes;
    case 'application':
      return principal.roles;
    case 'device':
      return new Set();
  }
}
