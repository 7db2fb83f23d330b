import type { Command } from 'commander';
import { envOption } from '../env-option.js';
import { databaseOption, logLevelOption, syncIntervalOption } from '../shared-options.js';
import { USAGE_EXIT_CODE } from '../exit-codes.js';
import { startService } from '../../app.js';
import {
  resolveServeSettings,
  SettingsError,
  type RawServeOptions,
} from '../../config/serve-settings.js';
import { createLogger } from '../../logger.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { drivergraphVersion } from '../../version.js';

/** `drivergraph serve`: the Graph API and, unless told otherwise, the sync workers. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the Microsoft Graph API for Windows driver update profiles')
    .addOption(envOption('--host <address>', 'address to listen on', 'HOST').default('127.0.0.1'))
    .addOption(
      envOption('--port <number>', 'port to listen on (0 picks a free one)', 'PORT').default(
        '8080',
      ),
    )
    .addOption(
      envOption('--data <folder>', 'data folder: SQLite file and signing keys', 'DATA').default(
        './data',
      ),
    )
    .addOption(databaseOption())
    .addOption(
      envOption('--pool-size <number>', 'PostgreSQL connections per process', 'POOL_SIZE').default(
        '10',
      ),
    )
    .addOption(envOption('--demo', 'seed a demo tenant when the store is empty', 'DEMO'))
    .addOption(envOption('--no-worker', 'serve HTTP only; run no sync jobs', 'NO_WORKER'))
    .addOption(logLevelOption())
    .addOption(
      envOption(
        '--public-url <url>',
        'URL clients use; the token issuer is named after it',
        'PUBLIC_URL',
      ),
    )
    .addOption(
      envOption('--body-limit <bytes>', 'largest request body accepted', 'BODY_LIMIT').default(
        '1048576',
      ),
    )
    .addOption(syncIntervalOption())
    .addOption(
      envOption(
        '--sync-lease <duration>',
        'sync job lease, renewed while a job runs; a crashed job waits this long',
        'SYNC_LEASE',
      ).default('60s'),
    )
    .addOption(envOption('--tls-cert <file>', 'serve HTTPS with this PEM certificate', 'TLS_CERT'))
    .addOption(envOption('--tls-key <file>', 'private key (PEM) of --tls-cert', 'TLS_KEY'))
    .addOption(
      envOption(
        '--tls-self-signed',
        'serve HTTPS with a development certificate kept in <data>/tls/',
        'TLS_SELF_SIGNED',
      ),
    )
    .addOption(
      envOption('--max-header-size <bytes>', 'largest request head accepted', 'MAX_HEADER_SIZE'),
    )
    .addOption(
      envOption(
        '--audience <aud...>',
        'accepted token audiences (replace the defaults)',
        'AUDIENCE',
      ),
    )
    .addOption(
      envOption('--trust-issuer <iss>', 'also trust this issuer ({tid}: tenant)', 'TRUST_ISSUER'),
    )
    .addOption(envOption('--trust-jwks <url|file>', 'keys of --trust-issuer', 'TRUST_JWKS'))
    .addOption(
      envOption(
        '--trust-tenants <guids>',
        'admit only these tenants from trusted issuers',
        'TRUST_TENANTS',
      ),
    )
    .addOption(
      envOption('--trust-entra', 'trust Microsoft Entra ID (v1 and v2 issuers)', 'TRUST_ENTRA'),
    )
    .addOption(envOption('--issuers-file <file>', 'JSON file of trusted issuers', 'ISSUERS_FILE'))
    .addOption(
      envOption(
        '--throttle-tenant-requests <n>',
        'requests per tenant per window',
        'THROTTLE_TENANT_REQUESTS',
      ),
    )
    .addOption(
      envOption(
        '--throttle-app-requests <n>',
        'requests per app per window',
        'THROTTLE_APP_REQUESTS',
      ),
    )
    .addOption(
      envOption(
        '--throttle-tenant-writes <n>',
        'writes per tenant per window',
        'THROTTLE_TENANT_WRITES',
      ),
    )
    .addOption(
      envOption('--throttle-app-writes <n>', 'writes per app per window', 'THROTTLE_APP_WRITES'),
    )
    .addOption(
      envOption('--throttle-window <seconds>', 'length of a throttling window', 'THROTTLE_WINDOW'),
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
    process.exitCode = USAGE_EXIT_CODE;
    return;
  }

  const logger = createLogger(settings.logLevel);
  const service = await startService(settings, logger);
  const demo = settings.demo ? await seedDemo(service.store, logger) : null;
  printBanner(service.url, demo?.tenantId ?? null, settings.dataDir);
  if (service.tlsCaFile) {
    console.error(
      `Clients trust the development CA with NODE_EXTRA_CA_CERTS=${service.tlsCaFile}\n`,
    );
  }

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
      `drivergraph ${drivergraphVersion} is serving Microsoft Graph at ${url}/beta`,
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
