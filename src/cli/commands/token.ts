import { InvalidArgumentError } from 'commander';
import { envOption } from '../env-option.js';
import { USAGE_EXIT_CODE, exitWithUsageCode } from '../exit-codes.js';
import type { Command } from 'commander';
import {
  DEFAULT_PUBLIC_URL,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  isGuid,
  loadOrCreateSigningKeys,
  mintToken,
  normalizePublicUrl,
  parseLifetime,
  TokenRequestError,
} from '../../identity/index.js';

interface TokenCommandOptions {
  readonly tenant: string;
  readonly scopes?: string[];
  readonly roles?: string[];
  readonly user?: string;
  readonly device?: string;
  readonly appId?: string;
  readonly lifetime: number;
  readonly data: string;
  readonly publicUrl: string;
}

/** `drivergraph token`: prints an access token from the built-in issuer, and nothing else. */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Print an access token signed by the built-in issuer')
    .addOption(
      envOption('--tenant <guid>', 'tenant id the token is issued for', 'TENANT')
        .argParser(parseTenant)
        .makeOptionMandatory(),
    )
    .addOption(
      envOption('--scopes <list>', 'delegated permissions, comma-separated', 'SCOPES')
        .argParser(parseList)
        .conflicts(['roles', 'device']),
    )
    .addOption(
      envOption('--roles <list>', 'application permissions, comma-separated', 'ROLES')
        .argParser(parseList)
        .conflicts(['device', 'user']),
    )
    .addOption(envOption('--user <upn>', 'signed-in user of a delegated token', 'USER'))
    .addOption(
      envOption('--device <id>', 'device id, for a device token', 'DEVICE').conflicts('user'),
    )
    .addOption(envOption('--app-id <guid>', 'client application id (azp, appid)', 'APP_ID'))
    .addOption(
      envOption(
        '--lifetime <duration>',
        'how long the token is valid (90s, 30m, 1h; at most 24h)',
        'LIFETIME',
      )
        .argParser(parseLifetimeArgument)
        .default(3600, '1h'),
    )
    .addOption(
      envOption('--data <folder>', 'data folder holding the signing keys', 'DATA').default(
        './data',
      ),
    )
    .addOption(
      envOption('--public-url <url>', "the server's base URL, which names the issuer", 'PUBLIC_URL')
        .argParser(parsePublicUrl)
        .default(DEFAULT_PUBLIC_URL),
    )
    .addHelpText(
      'after',
      `\nWithout --scopes, --roles or --device the token is delegated with the scope\n` +
        `${DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL}. The token alone goes to stdout.`,
    )
    .exitOverride(exitWithUsageCode)
    .action((options: TokenCommandOptions, command: Command) => printToken(options, command));
}

async function printToken(options: TokenCommandOptions, command: Command): Promise<void> {
  const ring = await loadOrCreateSigningKeys(options.data);
  const kindGiven = [options.scopes, options.roles, options.device].some((v) => v !== undefined);
  const scopes = kindGiven ? options.scopes : [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL];

  let token: string;
  try {
    token = await mintToken(ring, {
      publicUrl: options.publicUrl,
      tenantId: options.tenant,
      scopes,
      roles: options.roles,
      deviceId: options.device,
      user: options.user,
      appId: options.appId,
      lifetimeSeconds: options.lifetime,
      now: new Date(),
    });
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    command.error(`error: ${error.message}`, { exitCode: USAGE_EXIT_CODE });
  }

  process.stdout.write(`${token}\n`);
}

function parseTenant(value: string): string {
  if (!isGuid(value)) throw new InvalidArgumentError('Tenant ids are GUIDs.');

  return value.toLowerCase();
}

function parseList(value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new InvalidArgumentError('Give at least one name.');

  return items;
}

function parseLifetimeArgument(value: string): number {
  try {
    return parseLifetime(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}

function parsePublicUrl(value: string): string {
  try {
    return normalizePublicUrl(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}
