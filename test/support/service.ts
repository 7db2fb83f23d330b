// An in-process drivergraph on a free loopback port with its own data folder, for tests that
// talk HTTP to the real service.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService, type ServiceOptions } from '../../src/app.js';
import { resolveServeSettings, type RawServeOptions } from '../../src/config/serve-settings.js';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../src/identity/index.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, testBackend, type TestDatabase } from './test-store.js';

export interface TestService extends RunningService {
  readonly dataDir: string;
  /** A delegated token for the tenant with the given scopes (ReadWrite.All by default). */
  token(tenantId: string, options?: { scopes?: string[]; roles?: string[] }): Promise<string>;
  /** Stops the service and removes its data folder. */
  dispose(): Promise<void>;
}

export async function startTestService(
  raw: RawServeOptions = {},
  options: ServiceOptions = {},
): Promise<TestService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-test-'));
  // On PostgreSQL runs each service gets a fresh database; SQLite uses the data folder.
  const database: TestDatabase | null =
    testBackend === 'postgres' && raw.database === undefined ? await createTestDatabase() : null;
  const settings = resolveServeSettings(
    {
      port: 0,
      data: dataDir,
      logLevel: 'silent',
      // Suites send hundreds of requests in seconds; the throttle suite sets its own limits.
      throttleTenantRequests: 0,
      throttleAppRequests: 0,
      throttleTenantWrites: 0,
      throttleAppWrites: 0,
      ...(database ? { database: database.setting } : {}),
      ...raw,
    },
    dataDir,
  );
  const service = await startService(settings, createLogger(settings.logLevel), {
    worker: { pollMs: 20 },
    ...options,
  });
  const ring = await loadOrCreateSigningKeys(dataDir);

  return {
    ...service,
    dataDir,
    token: (tenantId, scopes = {}) =>
      mintToken(ring, {
        publicUrl: service.url,
        tenantId,
        ...(scopes.roles
          ? { roles: scopes.roles }
          : { scopes: scopes.scopes ?? [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL] }),
        lifetimeSeconds: 3600,
        now: new Date(),
      }),
    dispose: async () => {
      await service.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const tenantA = '11111111-1111-4111-8111-111111111111';
export const tenantB = '22222222-2222-4222-8222-222222222222';
