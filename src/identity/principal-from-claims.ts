import type { JWTPayload } from 'jose';
import { graphError } from '../graph/errors.js';
import { isGuid } from './guid.js';
import { PERSONAL_ACCOUNT_TENANT_ID } from './issuer.js';
import type { Principal, PrincipalKind } from './principal.js';

/** What the issuer of a token requires of its claims beyond signature, lifetime and audience. */
export interface ClaimRules {
  /** Whether the token's `iss` is the one its issuer uses for the tenant in `tid`. */
  readonly issuerFits: (tenantId: string) => boolean;
  /** Said in refusals: the issuer form expected, e.g. `https://host/<tid>/v2.0`. */
  readonly issuerForm: string;
  /** Accepted `ver` values: `2.0` for the built-in issuer; Entra also issues `1.0`. */
  readonly versions: readonly string[];
  /** Tenants admitted; null admits all. */
  readonly tenants: readonly string[] | null;
}

/** Turns the claims of a token whose signature, lifetime and audience verified into a caller. */
export function principalFromClaims(claims: JWTPayload, rules: ClaimRules): Principal {
  const { tid, oid } = claims;
  if (!isGuid(tid)) throw invalid('the token has no tenant id (tid) that is a GUID');
  if (!rules.issuerFits(tid.toLowerCase())) {
    throw invalid(`the issuer (iss) is not ${rules.issuerForm} for the token's tenant`);
  }
  if (typeof claims.ver !== 'string' || !rules.versions.includes(claims.ver)) {
    throw invalid(`the token version (ver) is not ${rules.versions.join(' or ')}`);
  }
  if (!isGuid(oid)) throw invalid('the token has no object id (oid) that is a GUID');
  if (tid.toLowerCase() === PERSONAL_ACCOUNT_TENANT_ID) throw graphError('personalAccount', {});
  if (rules.tenants && !rules.tenants.includes(tid.toLowerCase())) {
    throw invalid("the token's tenant is not admitted for its issuer");
  }

  const scopes = scopesOf(claims.scp);
  const roles = rolesOf(claims.roles);
  const deviceId = typeof claims.deviceid === 'string' ? claims.deviceid : null;
  const kind = kindOf(scopes, roles, deviceId);
  const user = stringOrNull(claims.upn) ?? stringOrNull(claims.preferred_username);

  return Object.freeze({
    tenantId: tid.toLowerCase(),
    objectId: oid.toLowerCase(),
    appId: guidOrNull(claims.azp) ?? guidOrNull(claims.appid),
    kind,
    scopes: scopes ?? new Set<string>(),
    roles: roles ?? new Set<string>(),
    deviceId,
    user: kind === 'delegated' ? user : null,
  });
}

// Entra marks delegated tokens by `scp` and app-only tokens by `roles`; a token with both
// (or neither, and no device) cannot say whose rights it carries.
function kindOf(
  scopes: ReadonlySet<string> | null,
  roles: ReadonlySet<string> | null,
  deviceId: string | null,
): PrincipalKind {
  if (scopes && roles) throw invalid('the token carries both scp and roles');
  if (scopes) return 'delegated';
  if (roles) return 'application';
  if (deviceId !== null) return 'device';

  throw invalid('the token carries no scp, roles or deviceid');
}

function scopesOf(value: unknown): ReadonlySet<string> | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw invalid('the scp claim is not a string');

  return new Set(value.split(' ').filter((scope) => scope !== ''));
}

function rolesOf(value: unknown): ReadonlySet<string> | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) {
    throw invalid('the roles claim is not an array of strings');
  }

  return new Set(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function guidOrNull(value: unknown): string | null {
  return isGuid(value) ? value.toLowerCase() : null;
}

function invalid(reason: string) {
  return graphError('invalidToken', { reason });
}
