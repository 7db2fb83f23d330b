import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import {
  addApp,
  isGuid,
  listApps,
  removeApp,
  rotateAppSecret,
  TokenRequestError,
} from '../../identity/index.js';
import type { AppCredentials } from '../../identity/index.js';
import { openStore } from '../../store/open-store.js';
import { USAGE_EXIT_CODE } from '../exit-codes.js';
import type { Store } from '../../store/store.js';
import { envOption } from '../env-option.js';
import { databaseOption } from '../shared-options.js';

interface StoreOptions {
  readonly data: string;
  readonly database?: string;
}

interface TenantOptions extends StoreOptions {
  readonly tenant: string;
}

/** `drivergraph app`: app registrations of the built-in issuer, per tenant. */
export function registerAppCommand(program: Command): void {
  const app = program
    .command('app')
    .description('Register applications that get tokens from the built-in issuer');

  withTenant(app.command('add'))
    .description('Register an app; prints its client id and secret, once')
    .requiredOption('--name <name>', 'display name of the app')
    .requiredOption(
      '--roles <role...>',
      'application permissions, e.g. DeviceManagementConfiguration.ReadWrite.All',
    )
    .addOption(jsonOption())
    .action((options: TenantOptions & { name: string; roles: string[]; json?: boolean }) =>
      withStore(options, async (store) => {
        const roles = options.roles.flatMap((role) => role.split(',')).filter((r) => r !== '');
        const created = await addApp(store.db, {
          tenantId: options.tenant,
          displayName: options.name,
          roles,
          now: new Date(),
        });
        printCredentials(created, options.json ?? false);
      }),
    );

  withTenant(app.command('list'))
    .description("List a tenant's apps (never their secrets)")
    .addOption(jsonOption())
    .action((options: TenantOptions & { json?: boolean }) =>
      withStore(options, async (store) => {
        const apps = await listApps(store.db, options.tenant);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(apps, null, 2)}\n`);
          return;
        }
        for (const { clientId, displayName, roles, secretHint } of apps) {
          process.stdout.write(
            `${clientId}  ${displayName}  ${roles.join(',')}  ${secretHint}...\n`,
          );
        }
      }),
    );

  withTenant(app.command('remove'))
    .description('Remove an app; tokens it already holds work until they expire')
    .requiredOption('--client-id <guid>', 'the app to remove')
    .action((options: TenantOptions & { clientId: string }) =>
      withStore(options, async (store) => {
        if (!(await removeApp(store.db, options.tenant, options.clientId))) {
          failUsage(`no app ${options.clientId} in tenant ${options.tenant}`);
        }
      }),
    );

  const secret = app.command('secret').description("Manage an app's client secret");
  withTenant(secret.command('rotate'))
    .description('Give an app a new secret; prints it, once')
    .requiredOption('--client-id <guid>', 'the app whose secret to replace')
    .addOption(
      envOption(
        '--overlap <seconds>',
        'how long the old secret keeps working; 0 ends it at once',
        'SECRET_OVERLAP',
      )
        .argParser(parseSeconds)
        .default(0),
    )
    .addOption(jsonOption())
    .action((options: TenantOptions & { clientId: string; overlap: number; json?: boolean }) =>
      withStore(options, async (store) => {
        const rotated = await rotateAppSecret(store.db, {
          tenantId: options.tenant,
          clientId: options.clientId,
          overlapSeconds: options.overlap,
          now: new Date(),
        });
        if (!rotated) failUsage(`no app ${options.clientId} in tenant ${options.tenant}`);
        else printCredentials(rotated, options.json ?? false);
      }),
    );
}

function withTenant(command: Command): Command {
  return command
    .addOption(
      new Option('--tenant <guid>', 'tenant of the app')
        .env('DRIVERGRAPH_TENANT')
        .argParser(parseTenant)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--data <folder>', 'data folder of the server')
        .env('DRIVERGRAPH_DATA')
        .default('./data'),
    )
    .addOption(databaseOption());
}

async function withStore(options: StoreOptions, work: (store: Store) => Promise<void>) {
  const store = await openStore(options.database ?? null, options.data);
  try {
    await work(store);
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    failUsage(error.message);
  } finally {
    await store.close();
  }
}

function printCredentials({ app, clientSecret }: AppCredentials, json: boolean): void {
  if (json) {
    const body = { tenantId: app.tenantId, clientId: app.clientId, clientSecret };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }

  process.stdout.write(
    [
      `tenant id:     ${app.tenantId}`,
      `client id:     ${app.clientId}`,
      `client secret: ${clientSecret}`,
      `authority:     <server URL>/${app.tenantId}`,
      'The secret is shown only now; store it safely.',
      '',
    ].join('\n'),
  );
}

function failUsage(message: string): void {
  console.error(`error: ${message}`);
  process.exitCode = USAGE_EXIT_CODE;
}

function parseTenant(value: string): string {
  if (!isGuid(value)) throw new InvalidArgumentError('Tenant ids are GUIDs.');

  return value.toLowerCase();
}

function jsonOption() {
  return envOption('--json', 'print JSON', 'APP_JSON');
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
    throw new InvalidArgumentError('Give whole seconds from 0 to 86400.');
  }

  return seconds;
}
