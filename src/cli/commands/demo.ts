import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { demoTenantId } from '../../demo/seed-demo.js';
import { seedDemoTenant, type DemoTenant } from '../../demo/seed-demo-tenant.js';
import type { DemoFleetOptions, SeedProgress } from '../../demo/seed-fleet.js';
import { tenantContents, type TenantContents } from '../../demo/tenant-contents.js';
import { parseIdDatabase } from '../../fleet/generator/index.js';
import { isGuid } from '../../identity/index.js';
import { openStore } from '../../store/open-store.js';
import { createProgressBar } from '../progress-bar.js';
import { envOption } from '../env-option.js';
import { databaseOption } from '../shared-options.js';
import { exitWithUsageCode } from '../exit-codes.js';

interface DemoOptions {
  readonly devices: number;
  readonly models: number;
  readonly seed: number;
  readonly tenant: string;
  readonly catalogPackages: number;
  readonly pciIds?: string;
  readonly usbIds?: string;
  readonly asOf?: Date;
  readonly data: string;
  readonly database?: string;
}

const progressLabels: Record<SeedProgress['stage'], string> = {
  reports: 'device reports',
  catalog: 'driver packages',
};

/** `drivergraph demo`: seeds a tenant with a generated fleet, its catalog, groups and profiles. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Seed an empty tenant with a generated fleet, a matching driver catalog, ' +
        'the groups Pilot and Broad and a profile assigned to each',
    )
    .addOption(
      envOption('--devices <n>', 'machines to generate (1 to 1,000,000)', 'DEMO_DEVICES')
        .argParser(integerIn(1, 1_000_000))
        .makeOptionMandatory(),
    )
    .addOption(
      envOption('--models <m>', 'hardware models (1 to 500)', 'DEMO_MODELS')
        .argParser(integerIn(1, 500))
        .default(60),
    )
    .addOption(
      envOption('--seed <s>', 'the same seed gives the same fleet and catalog', 'DEMO_SEED')
        .argParser(integerIn(0, 0xffffffff))
        .default(1),
    )
    .addOption(
      envOption('--tenant <guid>', 'tenant to seed; it must be empty', 'TENANT')
        .argParser(parseTenant)
        .default(demoTenantId, 'the demo tenant'),
    )
    .addOption(
      envOption(
        '--catalog-packages <k>',
        'driver packages at least, filler added to reach it (0 to 10,000)',
        'DEMO_CATALOG_PACKAGES',
      )
        .argParser(integerIn(0, 10_000))
        .default(200),
    )
    .addOption(envOption('--pci-ids <path>', 'pci.ids file for real PCI IDs', 'DEMO_PCI_IDS'))
    .addOption(envOption('--usb-ids <path>', 'usb.ids file for real USB IDs', 'DEMO_USB_IDS'))
    .addOption(
      envOption(
        '--as-of <date-time>',
        'the moment reports and releases are dated against (default: now)',
        'DEMO_AS_OF',
      ).argParser(parseDateTime),
    )
    .addOption(
      envOption('--data <folder>', 'data folder holding the SQLite file', 'DATA').default('./data'),
    )
    .addOption(databaseOption())
    .addHelpText(
      'after',
      '\nWithout --pci-ids and --usb-ids, hardware comes from a built-in table. Reports are ' +
        'stored in\nbatches, each in its own transaction; a run that fails part way leaves ' +
        'the tenant partly seeded.',
    )
    .exitOverride(exitWithUsageCode)
    .action((options: DemoOptions) => runDemo(options));
}

async function runDemo(options: DemoOptions): Promise<void> {
  const pciIds = await readIdFile(options.pciIds, '--pci-ids');
  const usbIds = await readIdFile(options.usbIds, '--usb-ids');
  if (pciIds === null || usbIds === null) {
    process.exitCode = 1;

    return;
  }

  const fleetOptions: DemoFleetOptions = {
    devices: options.devices,
    models: options.models,
    seed: options.seed,
    catalogPackages: options.catalogPackages,
    ...(pciIds !== undefined && { pciIds }),
    ...(usbIds !== undefined && { usbIds }),
    ...(options.asOf !== undefined && { asOf: options.asOf }),
  };
  const store = await openStore(options.database ?? null, options.data);
  try {
    const contents = await tenantContents(store.db, options.tenant);
    if (contents.devices + contents.groups + contents.profiles > 0) {
      console.error(`drivergraph demo: ${describeContents(options.tenant, contents)}`);
      process.exitCode = 1;

      return;
    }

    const progress = createProgressBar(process.stderr);
    const started = performance.now();
    let seeded: DemoTenant;
    try {
      seeded = await seedDemoTenant(
        store,
        options.tenant,
        () => new Date(),
        fleetOptions,
        ({ stage, done, total }) => progress.update(done, total, progressLabels[stage]),
      );
    } finally {
      progress.finish();
    }
    console.log(formatSummary(seeded, options, performance.now() - started));
  } finally {
    await store.close();
  }
}

/** The file's text; undefined when no path was given, null when it is unusable (said why). */
async function readIdFile(
  path: string | undefined,
  flag: string,
): Promise<string | undefined | null> {
  if (path === undefined) return undefined;

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    console.error(`drivergraph demo: cannot read ${flag} ${path}: ${(error as Error).message}`);

    return null;
  }
  if (parseIdDatabase(text).size === 0) {
    console.error(`drivergraph demo: ${flag} ${path} has no vendor lines (e.g. "8086  Intel")`);

    return null;
  }

  return text;
}

function describeContents(tenantId: string, contents: TenantContents): string {
  const held = Object.entries(contents)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');

  return (
    `tenant ${tenantId} already has ${held}; a demo is only seeded into an empty tenant ` +
    '(choose another with --tenant)'
  );
}

function formatSummary(seeded: DemoTenant, options: DemoOptions, elapsedMs: number): string {
  const { fleet, pilotProfile, broadProfile, tenantId } = seeded;
  const { catalog } = fleet;
  const refused = [...catalog.skipped, ...catalog.failed];
  const data = options.data.includes(' ') ? `"${options.data}"` : options.data;
  const database = options.database === undefined ? '' : ' --database <the same URL>';
  const token = `npx drivergraph token --data ${data} --tenant ${tenantId}`;
  const seconds = (elapsedMs / 1000).toFixed(1);

  return [
    `Seeded tenant ${tenantId} in ${seconds} s (seed ${options.seed}, ` +
      `${options.models} hardware models)`,
    `  devices          ${fleet.devices}, ${fleet.configurations} distinct hardware configurations`,
    `  driver packages  ${catalog.imported.length} imported, ${catalog.unchanged.length} ` +
      `already in the catalog, ${refused.length} refused`,
    ...refused.map((issue) => `    refused ${issue.file}: ${issue.reason}`),
    `  group Pilot      ${fleet.pilotGroupId} (${fleet.pilotDevices} devices)`,
    `  group Broad      ${fleet.broadGroupId} (${fleet.devices - fleet.pilotDevices} devices)`,
    `  profile          ${pilotProfile.id} ${pilotProfile.displayName}, assigned to Pilot`,
    `  profile          ${broadProfile.id} ${broadProfile.displayName}, assigned to Broad`,
    '',
    'Both profiles sync once the service runs:',
    `  npx drivergraph serve --data ${data}${database}`,
    'Get a token (DeviceManagementConfiguration.ReadWrite.All):',
    `  ${token}`,
    'Then, for example:',
    `  curl -H "Authorization: Bearer $(${token})" \\`,
    '    http://127.0.0.1:8080/beta/deviceManagement/windowsDriverUpdateProfiles',
  ].join('\n');
}

function integerIn(low: number, high: number): (value: string) => number {
  return (value) => {
    const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < low || number > high) {
      throw new InvalidArgumentError(`Expected a whole number from ${low} to ${high}.`);
    }

    return number;
  };
}

function parseTenant(value: string): string {
  if (!isGuid(value)) throw new InvalidArgumentError('Tenant ids are GUIDs.');

  return value.toLowerCase();
}

function parseDateTime(value: string): Date {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw new InvalidArgumentError('Expected an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z.');
  }

  return new Date(time);
}
