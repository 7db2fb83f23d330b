// App registrations of the built-in issuer, per tenant: the applications that may ask the token
// endpoint for an application token with their roles.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  generateClientSecret,
  hashClientSecret,
  secretHint,
  spendDecoyCheck,
  verifyClientSecret,
} from './client-secret.js';
import { isGuid } from './guid.js';
import { TokenRequestError } from './token-request-error.js';

export type AppRegistrationTable = {
  tenant_id: string;
  client_id: string;
  display_name: string;
  roles: string;
  secret_hash: string;
  secret_hint: string;
  secret_created_at: string;
  previous_secret_hash: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
};

type IdentityTables = {
  app_registrations: AppRegistrationTable;
};

export interface AppRegistration {
  readonly tenantId: string;
  readonly clientId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly secretHint: string;
  readonly secretCreatedAt: Date;
  readonly previousSecretExpiresAt: Date | null;
  readonly createdAt: Date;
}

/** The registration and its secret: the only moment the secret exists in clear. */
export interface AppCredentials {
  readonly app: AppRegistration;
  readonly clientSecret: string;
}

export type ClientAuthentication =
  | { readonly kind: 'authenticated'; readonly app: AppRegistration }
  | { readonly kind: 'unknownClient' }
  | { readonly kind: 'wrongSecret' };

// The identity tables are declared beside the code that uses them rather than in the store's
// schema; callers hand in the store's database, whatever else it holds.
function tables<DB>(db: Kysely<DB>): Kysely<IdentityTables> {
  return db as unknown as Kysely<IdentityTables>;
}

export interface AddAppOptions {
  readonly tenantId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly now: Date;
}

export async function addApp<DB>(db: Kysely<DB>, options: AddAppOptions): Promise<AppCredentials> {
  const tenantId = checkedTenant(options.tenantId);
  const displayName = options.displayName.trim();
  if (displayName === '' || displayName.length > 256) {
    throw new TokenRequestError('give the app a name of 1 to 256 characters');
  }
  if (options.roles.length === 0) throw new TokenRequestError('give the app at least one role');

  const clientSecret = generateClientSecret();
  const row: AppRegistrationTable = {
    tenant_id: tenantId,
    client_id: randomUUID(),
    display_name: displayName,
    roles: JSON.stringify([...new Set(options.roles)]),
    secret_hash: await hashClientSecret(clientSecret),
    secret_hint: secretHint(clientSecret),
    secret_created_at: options.now.toISOString(),
    previous_secret_hash: null,
    previous_secret_expires_at: null,
    created_at: options.now.toISOString(),
  };
  await tables(db).insertInto('app_registrations').values(row).execute();

  return { app: appOf(row), clientSecret };
}

export async function listApps<DB>(db: Kysely<DB>, tenantId: string): Promise<AppRegistration[]> {
  const rows = await tables(db)
    .selectFrom('app_registrations')
    .selectAll()
    .where('tenant_id', '=', checkedTenant(tenantId))
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();

  return rows.map(appOf);
}

/** Removes the app; tokens already issued to it stay valid until they expire. */
export async function removeApp<DB>(
  db: Kysely<DB>,
  tenantId: string,
  clientId: string,
): Promise<boolean> {
  const result = await tables(db)
    .deleteFrom('app_registrations')
    .where('tenant_id', '=', checkedTenant(tenantId))
    .where('client_id', '=', clientId.toLowerCase())
    .executeTakeFirst();

  return result.numDeletedRows > 0n;
}

export interface RotateSecretOptions {
  readonly tenantId: string;
  readonly clientId: string;
  /** How long the replaced secret keeps working; 0 ends it at once. */
  readonly overlapSeconds: number;
  readonly now: Date;
}

export async function rotateAppSecret<DB>(
  db: Kysely<DB>,
  options: RotateSecretOptions,
): Promise<AppCredentials | null> {
  const tenantId = checkedTenant(options.tenantId);
  const clientId = options.clientId.toLowerCase();
  const clientSecret = generateClientSecret();
  const hash = await hashClientSecret(clientSecret);
  const overlapEnds = new Date(options.now.getTime() + options.overlapSeconds * 1000);

  return tables(db)
    .transaction()
    .execute(async (tx) => {
      const current = await findRow(tx, tenantId, clientId);
      if (!current) return null;

      const row: AppRegistrationTable = {
        ...current,
        secret_hash: hash,
        secret_hint: secretHint(clientSecret),
        secret_created_at: options.now.toISOString(),
        previous_secret_hash: options.overlapSeconds > 0 ? current.secret_hash : null,
        previous_secret_expires_at: options.overlapSeconds > 0 ? overlapEnds.toISOString() : null,
      };
      await tx
        .updateTable('app_registrations')
        .set(row)
        .where('tenant_id', '=', tenantId)
        .where('client_id', '=', clientId)
        .execute();

      return { app: appOf(row), clientSecret };
    });
}

/** Checks a client's secret against the current one, and the previous one within its overlap. */
export async function authenticateClient<DB>(
  db: Kysely<DB>,
  tenantId: string,
  clientId: string,
  clientSecret: string,
  now: Date,
): Promise<ClientAuthentication> {
  const row = isGuid(clientId) ? await findRow(tables(db), tenantId, clientId.toLowerCase()) : null;
  if (!row) {
    await spendDecoyCheck(clientSecret);

    return { kind: 'unknownClient' };
  }

  const current = await verifyClientSecret(clientSecret, row.secret_hash);
  const previousValid =
    row.previous_secret_hash !== null &&
    row.previous_secret_expires_at !== null &&
    Date.parse(row.previous_secret_expires_at) > now.getTime();
  const previous = previousValid
    ? await verifyClientSecret(clientSecret, row.previous_secret_hash!)
    : false;

  return current || previous ? { kind: 'authenticated', app: appOf(row) } : { kind: 'wrongSecret' };
}

async function findRow(
  db: Kysely<IdentityTables>,
  tenantId: string,
  clientId: string,
): Promise<AppRegistrationTable | undefined> {
  return db
    .selectFrom('app_registrations')
    .selectAll()
    .where('tenant_id', '=', tenantId.toLowerCase())
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

function appOf(row: AppRegistrationTable): AppRegistration {
  return Object.freeze({
    tenantId: row.tenant_id,
    clientId: row.client_id,
    displayName: row.display_name,
    roles: Object.freeze(JSON.parse(row.roles) as string[]),
    secretHint: row.secret_hint,
    secretCreatedAt: new Date(row.secret_created_at),
    previousSecretExpiresAt:
      row.previous_secret_expires_at === null ? null : new Date(row.previous_secret_expires_at),
    createdAt: new Date(row.created_at),
  });
}

function checkedTenant(tenantId: string): string {
  if (!isGuid(tenantId)) {
    throw new TokenRequestError(`invalid tenant id '${tenantId}': tenant ids are GUIDs`);
  }

  return tenantId.toLowerCase();
}
