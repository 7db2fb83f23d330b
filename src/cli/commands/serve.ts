import { Option, type Command } from 'commander';
import { startService } from '../../app.js';
import {
  resolveServeSettings,
  SettingsError,
  type RawServeOptions,
} from '../../config/serve-settings.js';
import { createLogger } from '../../logger.js';
import { seedDemo } from '../../demo/seed-demo.js';

function env(flags: string, description: string, name: string): Option {
  return new Option(flags, description).env(`DRIVERGRAPH_${name}`);
}

/** `drivergraph serve`: the Graph API and, unless told otherwise, the sync workers. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the Microsoft Graph API for Windows driver update profiles')
    .addOption(env('--host <address>', 'address to listen on', 'HOST').default('127.0.0.1'))
    .addOption(
      env('--port <number>', 'port to listen on (0 picks a free one)', 'PORT').default('8080'),
    )
    .addOption(
      env('--data <folder>', 'data folder: SQLite file and signing keys', 'DATA').default('./data'),
    )
    .addOption(
      env(
        '--database <url>',
        'sqlite:PATH or postgres://... instead of the data folder',
        'DATABASE',
      ),
    )
    .addOption(
      env('--pool-size <number>', 'PostgreSQL connections per process', 'POOL_SIZE').default('10'),
    )
    .addOption(env('--demo', 'seed a demo tenant when the store is empty', 'DEMO'))
    .addOption(env('--no-worker', 'serve HTTP only; run no sync jobs', 'NO_WORKER'))
    .addOption(
      env(
        '--log-level <level>',
        'fatal, error, warn, info, debug, trace or silent',
        'LOG_LEVEL',
      ).default('info'),
    )
    .addOption(
      env(
        '--public-url <url>',
        'URL clients use; the token issuer is named after it',
        'PUBLIC_URL',
      ),
    )
    .addOption(
      env('--body-limit <bytes>', 'largest request body accepted', 'BODY_LIMIT').default('1048576'),
    )
    .addOption(
      env(
        '--sync-interval <duration>',
        'how often every profile syncs by itself',
        'SYNC_INTERVAL',
      ).default('24h'),
    )
    .action(async (raw: RawServeOptions) => {
      await serve(raw);
    });
}

async function serve(raw: RawServeOptions): Promise<void> {
  let settings;
  try {
    settings = resolveServeSettings(raw, process.cwd());
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`drivergraph serve: ${error.message}`);
    process.exitCode = 2;
    return;
  }

  const logger = createLogger(settings.logLevel);
  const service = await startService(settings, logger);
  const demo = settings.demo ? await seedDemo(service.store, logger) : null;
  printBanner(service.url, demo?.tenantId ?? null, settings.dataDir);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    service.close().then(
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

function printBanner(url: string, tenantId: string | null, dataDir: string): void {
  const tenant = tenantId ?? '<tenant-guid>';
  const token = `npx drivergraph token --data ${dataDir} --public-url ${url} --tenant ${tenant}`;
  console.error(
    [
      '',
      `drivergraph is serving Microsoft Graph at ${url}/beta`,
      tenantId ? `Demo tenant: ${tenantId}` : 'No demo tenant (start with --demo to seed one).',
      'Get a token (DeviceManagementConfiguration.ReadWrite.All):',
      `  ${token}`,
      'Then, for example:',
      `  curl -H "Authorization: Bearer $(${token})" \\`,
      `    ${url}/beta/deviceManagement/windowsDriverUpdateProfiles`,
      '',
    ].join('\n'),
  );
}
