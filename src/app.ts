// Assembles a running service from its settings: store, identity, services, HTTP and workers.
import type { Logger } from 'pino';
import type { ServeSettings } from './config/serve-settings.js';
import { createGraphServer } from './http/server.js';
import { registerIssuerRoutes } from './http/routes/issuer.js';
import { throttleHook } from './http/throttle.js';
import { createMemoryThrottleCounters } from './http/throttle-counters.js';
import { createStoreThrottleCounters } from './http/store-throttle-counters.js';
import { certificateHosts, loadTlsMaterial } from './http/tls-files.js';
import { registerAssignmentRoutes } from './http/routes/assignments.js';
import { registerBatchRoute } from './http/routes/batch.js';
import { registerCatalogRoutes } from './http/routes/catalog-routes.js';
import { registerFleetRoutes } from './http/routes/devices-fleet.js';
import { registerInventoryRoutes } from './http/routes/driver-inventories.js';
import { registerMatchedDeviceRoutes } from './http/routes/matched-devices.js';
import { registerOperationRoutes } from './http/routes/operations.js';
import { registerProfileActions } from './http/routes/profile-actions.js';
import { registerProfileRoutes } from './http/routes/profiles.js';
import {
  createTokenVerifier,
  type TokenVerifier,
  loadOrCreateSigningKeys,
  loadTrustedIssuers,
  watchKeyRingFile,
} from './identity/index.js';
import { InventoryService } from './profiles/inventory-service.js';
import { ProfileService } from './profiles/profile-service.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { startDailyScheduler } from './sync/daily-scheduler.js';
import { startSyncWorker, type SyncWorker } from './sync/worker.js';
import { drivergraphVersion } from './version.js';

export interface RunningService {
  /** Where the service listens, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly store: Store;
  /** The development CA clients must trust with `--tls-self-signed`, else null. */
  readonly tlsCaFile?: string | null;
  /** Stops accepting, finishes in-flight requests, finishes or releases jobs, closes the store. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  readonly clock?: () => Date;
  /** Test hook: run the sync worker with these timings. */
  readonly worker?: { readonly leaseMs?: number; readonly pollMs?: number };
}

export async function startService(
  settings: ServeSettings,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const clock = options.clock ?? (() => new Date());
  const store = await openStore(settings.database, settings.dataDir, {
    poolSize: settings.poolSize,
    onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost'),
  });
  const ring = await loadOrCreateSigningKeys(settings.dataDir);
  // Rotations by `drivergraph keys rotate` reach a running server through the ring file.
  const keys = watchKeyRingFile(settings.dataDir, ring);
  const trustedIssuers = await loadTrustedIssuers(settings.trustedIssuers);
  const tls = await loadTlsMaterial(settings.tls, {
    dataDir: settings.dataDir,
    hosts: certificateHosts([
      settings.host,
      settings.publicUrl && new URL(settings.publicUrl).hostname,
    ]),
    now: clock(),
  });
  let issuerUrl = settings.publicUrl ?? '';
  // The issuer is named after the URL clients use, known for certain only once we listen.
  let verifier: TokenVerifier | null = null;
  const lateVerifier: TokenVerifier = {
    verify: (header) => {
      if (!verifier) throw new Error('token verifier used before the service listened');
      return verifier.verify(header);
    },
  };

  let worker: SyncWorker | null = null;
  const wake = () => worker?.wake();
  const profiles = new ProfileService({ store, clock, onSyncRequested: wake });
  const inventory = new InventoryService({ store, clock });

  const server = createGraphServer({
    logger,
    clock,
    verifier: lateVerifier,
    settings: {
      bodyLimit: settings.bodyLimitBytes,
      publicUrl: settings.publicUrl,
      tls,
      maxHeaderBytes: settings.maxHeaderBytes,
    },
  });
  // Processes sharing a database share its limits; a lone process counts in memory.
  const throttleCounters = store.capabilities.sharedByProcesses
    ? createStoreThrottleCounters(store.db)
    : createMemoryThrottleCounters();
  // Added after createGraphServer's own hooks, so it runs once the caller is authenticated.
  server.app.addHook('onRequest', throttleHook(settings.throttle, throttleCounters, clock));
  registerIssuerRoutes(server, { db: store.db, keys, publicUrl: () => issuerUrl, clock });
  registerOperationRoutes(server, { store });
  registerProfileRoutes(server, { db: store.db, profiles });
  registerProfileActions(server, { profiles, inventory });
  registerAssignmentRoutes(server, { db: store.db, profiles });
  registerInventoryRoutes(server, { db: store.db, profiles, inventory });
  registerMatchedDeviceRoutes(server, { db: store.db, inventory });
  registerFleetRoutes(server, { store, clock, verifier: lateVerifier });
  registerCatalogRoutes(server, { store, clock });
  registerBatchRoute(server, clock);

  // Nothing runs in the background until the port is ours, so a failed start leaves nothing
  // behind to keep the process alive.
  let address: string;
  try {
    address = await server.app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await server.app.close();
    await store.close();
    throw error;
  }
  const url = address.replace('://[::1]', '://127.0.0.1');
  issuerUrl = settings.publicUrl ?? publicUrlOf(url);
  verifier = createTokenVerifier({
    ring,
    keys,
    publicUrl: issuerUrl,
    audiences: settings.audiences ?? undefined,
    trustedIssuers,
    now: clock,
  });
  if (settings.worker) {
    worker = startSyncWorker({
      store,
      logger,
      clock,
      leaseMs: settings.syncLeaseMs,
      ...options.worker,
    });
  }
  const scheduler = settings.worker
    ? startDailyScheduler({
        store,
        logger,
        clock,
        intervalMs: settings.syncIntervalMs,
        onQueued: wake,
      })
    : null;

  logger.info({ url, store: store.description, version: drivergraphVersion }, 'service listening');

  return {
    url,
    store,
    tlsCaFile: tls?.caFile ?? null,
    close: async () => {
      await server.app.close();
      await scheduler?.stop();
      await worker?.stop();
      await store.close();
    },
  };
}

/** A wildcard listen address is no URL a client can use; name loopback instead. */
function publicUrlOf(listenUrl: string): string {
  return listenUrl.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://127.0.0.1');
}
