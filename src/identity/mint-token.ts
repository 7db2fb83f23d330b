import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { isGuid, nameBasedGuid } from './guid.js';
import { GRAPH_AUDIENCE, issuerFor, normalizePublicUrl } from './issuer.js';
import type { KeyRing } from './key-ring.js';
import { checkLifetime } from './lifetime.js';
import { TokenRequestError } from './token-request-error.js';

// The client id that tokens from `drivergraph token` name in azp/appid unless told otherwise.
export const DEFAULT_CLIENT_APP_ID = '3235f1aa-34ef-44c7-8ce5-4127b0f8d55e';

export interface MintTokenOptions {
  readonly publicUrl: string;
  readonly tenantId: string;
  /** Delegated permissions (`scp`); exactly one of scopes, roles and deviceId is given. */
  readonly scopes?: readonly string[];
  /** Application permissions (`roles`). */
  readonly roles?: readonly string[];
  /** A device token, for devices that report their inventory. */
  readonly deviceId?: string;
  /** The signed-in user's UPN; delegated tokens only. */
  readonly user?: string;
  readonly appId?: string;
  readonly lifetimeSeconds: number;
  readonly now: Date;
}

/** Signs an access token shaped like an Entra ID v2 token for Microsoft Graph. */
export async function mintToken(ring: KeyRing, options: MintTokenOptions): Promise<string> {
  const tenantId = checkedTenant(options.tenantId);
  const appId = (options.appId ?? DEFAULT_CLIENT_APP_ID).toLowerCase();
  const publicUrl = checkedPublicUrl(options.publicUrl);
  if (!isGuid(appId)) throw new TokenRequestError(`invalid app id '${options.appId}': not a GUID`);
  checkLifetime(options.lifetimeSeconds);

  const issuedAt = Math.floor(options.now.getTime() / 1000);
  const objectId = nameBasedGuid(tenantId, callerName(options, appId));
  const claims = {
    tid: tenantId,
    oid: objectId,
    azp: appId,
    appid: appId,
    ver: '2.0',
    uti: randomBytes(16).toString('base64url'),
    ...kindClaims(options),
  };

  return new SignJWT(claims)
    .setProtectedHeader({ alg: ring.active.alg, typ: 'JWT', kid: ring.active.kid })
    .setIssuer(issuerFor(publicUrl, tenantId))
    .setAudience(GRAPH_AUDIENCE)
    .setSubject(objectId)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + options.lifetimeSeconds)
    .sign(ring.active.privateKey);
}

function kindClaims(options: MintTokenOptions): Record<string, unknown> {
  const { scopes, roles, deviceId, user } = options;
  const given = [scopes, roles, deviceId].filter((value) => value !== undefined).length;
  if (given !== 1) {
    throw new TokenRequestError(
      'give exactly one of scopes (delegated), roles (application) or a device id',
    );
  }
  if (user !== undefined && scopes === undefined) {
    throw new TokenRequestError('a user belongs in delegated tokens only; give scopes with it');
  }

  if (scopes !== undefined) {
    const upn =
      user === undefined ? {} : { upn: checkedWord(user, 'user'), preferred_username: user };

    return { scp: checkedList(scopes, 'scope').join(' '), ...upn };
  }
  if (roles !== undefined) return { roles: checkedList(roles, 'role'), idtyp: 'app' };

  return { deviceid: checkedWord(deviceId ?? '', 'device id') };
}

function callerName(options: MintTokenOptions, appId: string): string {
  if (options.deviceId !== undefined) return `device:${options.deviceId.toLowerCase()}`;
  if (options.roles !== undefined) return `app:${appId}`;

  return `user:${(options.user ?? '').toLowerCase()}`;
}

function checkedTenant(tenantId: string): string {
  if (!isGuid(tenantId)) {
    throw new TokenRequestError(`invalid tenant id '${tenantId}': tenant ids are GUIDs`);
  }

  return tenantId.toLowerCase();
}

function checkedPublicUrl(publicUrl: string): string {
  try {
    return normalizePublicUrl(publicUrl);
  } catch (error) {
    throw new TokenRequestError((error as Error).message);
  }
}

function checkedList(values: readonly string[], what: string): string[] {
  if (values.length === 0) throw new TokenRequestError(`give at least one ${what}`);

  return values.map((value) => checkedWord(value, what));
}

function checkedWord(value: string, what: string): string {
  if (!/^[^\s\p{C}]{1,256}$/u.test(value)) {
    throw new TokenRequestError(
      `invalid ${what} '${value}': use 1 to 256 visible characters without spaces`,
    );
  }

  return value;
}
