// Helpers shared by the Graph conformance suites: plain HTTP calls, inventory rows seeded straight
// into the store (as a finished sync would write them), waits on sync state and a full store dump.
import type { Kysely } from 'kysely';
import type { TestService } from '../../support/service.js';

export const profilesPath = '/beta/deviceManagement/windowsDriverUpdateProfiles';

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or null when it is empty or not JSON. */
  readonly json: Record<string, unknown> | null;
}

export interface CallOptions {
  readonly token?: string | null;
  readonly body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  readonly raw?: string | Uint8Array;
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
}

export async function call(
  service: { url: string },
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (body !== undefined && contentType !== null) headers['content-type'] = contentType;

  const response = await fetch(`${service.url}${path}`, { method, headers, body });
  const text = await response.text();

  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);

    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface SeededDriver {
  readonly id: string;
  readonly name?: string;
  readonly version?: string;
  readonly manufacturer?: string;
  readonly category?: 'recommended' | 'previouslyApproved' | 'other';
  readonly applicableDeviceCount?: number;
  readonly releaseDateTime?: string;
  readonly driverClass?: string;
}

/** Writes inventory rows as a finished sync would; a later sync replaces them. */
export async function seedInventory(
  service: TestService,
  tenantId: string,
  profileId: string,
  drivers: readonly SeededDriver[],
): Promise<void> {
  const rows = drivers.map((driver, i) => ({
    tenant_id: tenantId,
    profile_id: profileId,
    driver_id: driver.id,
    name: driver.name ?? `Contoso Driver ${i}`,
    version: driver.version ?? `1.0.${i}.0`,
    manufacturer: driver.manufacturer ?? 'Contoso',
    release_at: driver.releaseDateTime ?? '2026-01-15T00:00:00.000Z',
    driver_class: driver.driverClass ?? 'Networking',
    applicable_device_count: driver.applicableDeviceCount ?? 1,
    category: driver.category ?? 'recommended',
  }));
  if (rows.length > 0) await service.store.db.insertInto('inventory').values(rows).execute();
}

/** Polls until the profile's sync is no longer pending and no job is queued or running. */
export async function waitForSyncToSettle(
  service: TestService,
  tenantId: string,
  profileId: string,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const profile = await service.store.db
      .selectFrom('profiles')
      .select('sync_state')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', profileId)
      .executeTakeFirst();
    const open = await service.store.db
      .selectFrom('sync_jobs')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('profile_id', '=', profileId)
      .where('state', 'in', ['queued', 'running'])
      .execute();
    if (profile && profile.sync_state !== 'pending' && open.length === 0) return profile.sync_state;
    if (Date.now() > deadline) {
      throw new Error(`the sync of ${profileId} did not settle within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every row of every table the store has, in a fixed order, for before-and-after comparisons. */
export async function dumpStore(service: { store: TestService['store'] }): Promise<string> {
  // Tables are listed from the database itself, so tables added later are covered too.
  const db = service.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  // Throttling counters count every request, refused ones included; on a shared database they
  // live in a table, and they are bookkeeping rather than anything a request may not change.
  const tables = (await db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => name !== 'throttle_counters')
    .sort();
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }

  return JSON.stringify(dump, null, 1);
}
