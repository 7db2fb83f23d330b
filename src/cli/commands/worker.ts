import type { Command } from 'commander';
import { envOption } from '../env-option.js';
import { databaseOption, logLevelOption, syncIntervalOption } from '../shared-options.js';
import { USAGE_EXIT_CODE } from '../exit-codes.js';
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

/** `drivergraph worker`: sync workers and the daily scheduler, without HTTP. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run sync jobs from the shared database, without serving HTTP')
    .addOption(
      envOption('--data <folder>', 'data folder holding the SQLite file', 'DATA').default('./data'),
    )
    .addOption(databaseOption())
    .addOption(
      envOption('--concurrency <number>', 'sync jobs run at once', 'WORKER_CONCURRENCY').default(
        '1',
      ),
    )
    .addOption(
      envOption(
        '--pool-size <number>',
        'PostgreSQL connections (default 2 x concurrency + 1)',
        'POOL_SIZE',
      ),
    )
    .addOption(
      envOption('--lease <duration>', 'job lease, renewed while a job runs', 'LEASE').default(
        '60s',
      ),
    )
    .addOption(
      envOption('--poll <duration>', 'wait between looks for work when idle', 'POLL').default(
        '250ms',
      ),
    )
    .addOption(logLevelOption())
    .addOption(syncIntervalOption())
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
    process.exitCode = USAGE_EXIT_CODE;

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
