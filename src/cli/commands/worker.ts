import { Option, type Command } from 'commander';
import {
  resolveWorkerSettings,
  type RawWorkerOptions,
  type WorkerSettings,
} from '../../config/worker-settings.js';
import { SettingsError } from '../../config/serve-settings.js';
import { createLogger } from '../../logger.js';
import { openStore } from '../../store/open-store.js';
import { startDailyScheduler } from '../../sync/daily-scheduler.js';
import { startSyncWorker } from '../../sync/worker.js';

function env(flags: string, description: string, name: string): Option {
  return new Option(flags, description).env(`DRIVERGRAPH_${name}`);
}

/** `drivergraph worker`: sync workers and the daily scheduler, without HTTP. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run sync jobs from the shared database, without serving HTTP')
    .addOption(
      env('--data <folder>', 'data folder holding the SQLite file', 'DATA').default('./data'),
    )
    .addOption(
      env(
        '--database <url>',
        'sqlite:PATH or postgres://... instead of the data folder',
        'DATABASE',
      ),
    )
    .addOption(
      env('--concurrency <number>', 'sync jobs run at once', 'WORKER_CONCURRENCY').default('1'),
    )
    .addOption(
      env(
        '--pool-size <number>',
        'PostgreSQL connections (default 2 x concurrency + 1)',
        'POOL_SIZE',
      ),
    )
    .addOption(
      env('--lease <duration>', 'job lease, renewed while a job runs', 'LEASE').default('60s'),
    )
    .addOption(
      env('--poll <duration>', 'wait between looks for work when idle', 'POLL').default('250ms'),
    )
    .addOption(
      env(
        '--log-level <level>',
        'fatal, error, warn, info, debug, trace or silent',
        'LOG_LEVEL',
      ).default('info'),
    )
    .addOption(
      env(
        '--sync-interval <duration>',
        'how often every profile syncs by itself',
        'SYNC_INTERVAL',
      ).default('24h'),
    )
    .action(async (raw: RawWorkerOptions) => {
      await work(raw);
    });
}

async function work(raw: RawWorkerOptions): Promise<void> {
  let settings: WorkerSettings;
  try {
    settings = resolveWorkerSettings(raw, process.cwd());
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`drivergraph worker: ${error.message}`);
    process.exitCode = 2;

    return;
  }

  const logger = createLogger(settings.logLevel);
  const clock = () => new Date();
  const store = await openStore(settings.database, settings.dataDir, {
    poolSize: settings.poolSize,
    onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost'),
  });
  const workers = Array.from({ length: settings.concurrency }, () =>
    startSyncWorker({
      store,
      logger,
      clock,
      leaseMs: settings.leaseMs,
      pollMs: settings.pollMs,
      stopGraceMs: settings.shutdownGraceMs,
    }),
  );
  const scheduler = startDailyScheduler({
    store,
    logger,
    clock,
    intervalMs: settings.syncIntervalMs,
    onQueued: () => workers.forEach((worker) => worker.wake()),
  });
  logger.info(
    { store: store.description, concurrency: settings.concurrency, pid: process.pid },
    'workers started',
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const stopAll = async () => {
      await scheduler.stop();
      await Promise.all(workers.map((worker) => worker.stop()));
      await store.close();
    };
    stopAll().then(
      () => logger.info('stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
