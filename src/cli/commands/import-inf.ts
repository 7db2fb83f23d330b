import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { exitWithUsageCode } from '../exit-codes.js';
import { normaliseChid } from '../../catalog/chid.js';
import { findPackagesOnDisk } from '../../catalog/find-packages-on-disk.js';
import {
  importPackages,
  type ImportedPackage,
  type ImportReport,
} from '../../catalog/import-packages.js';
import type { Architecture } from '../../inf/types.js';
import { openStore } from '../../store/open-store.js';
import { createProgressBar } from '../progress-bar.js';
import { envOption } from '../env-option.js';
import { tenantStoreOptions, type TenantStoreOptions } from './import-options.js';

const ARCHITECTURES: readonly Architecture[] = ['x86', 'amd64', 'arm', 'arm64'];

interface ImportInfOptions extends TenantStoreOptions {
  readonly optional?: boolean;
  readonly chid?: string[];
  readonly arch?: Architecture[];
  readonly json?: boolean;
}

/** `drivergraph import inf PATH...`: adds driver packages found on disk to the catalog. */
export function addImportInfCommand(importCommand: Command): void {
  const command = importCommand
    .command('inf')
    .description('Import driver packages: each INF with the other files in its folder')
    .argument('<paths...>', 'INF files, or folders to search for .inf files')
    .addOption(
      envOption('--optional', 'publish as optional instead of automatic', 'IMPORT_OPTIONAL'),
    )
    .addOption(
      envOption(
        '--chid <guid>',
        'offer only to machines with this CHID (repeat or comma-separate)',
        'IMPORT_CHIDS',
      ).argParser(collectChids),
    )
    .addOption(
      envOption(
        '--arch <arch>',
        'architectures to stamp $ARCH$ templates for (default amd64)',
        'IMPORT_ARCH',
      ).argParser(collectArchitectures),
    )
    .addOption(envOption('--json', 'print the report as JSON', 'IMPORT_JSON'));

  for (const option of tenantStoreOptions()) command.addOption(option);

  command
    .exitOverride(exitWithUsageCode)
    .action((paths: string[], options: ImportInfOptions) => importInf(paths, options));
}

async function importInf(paths: readonly string[], options: ImportInfOptions): Promise<void> {
  const store = await openStore(options.database ?? null, options.data);
  const progress = createProgressBar(process.stderr);
  let report: ImportReport;

  try {
    const found = await findPackagesOnDisk(paths);

    report = await importPackages(
      store,
      options.tenant,
      found.candidates,
      {
        publishing: options.optional ? 'optional' : 'automatic',
        chids: options.chid ?? [],
        templateArchitectures: options.arch ?? ['amd64'],
        now: new Date(),
        onProgress: ({ done, total, file }) => progress.update(done, total, file),
      },
      { imported: [], unchanged: [], skipped: [], failed: found.failed },
    );
  } finally {
    progress.finish();
    await store.close();
  }

  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.failed.length > 0) process.exitCode = 1;
}

export function formatReport(report: ImportReport): string {
  const stamped = (architecture: Architecture | null) =>
    architecture === null ? '' : ` [${architecture}]`;
  const line = (word: string, p: ImportedPackage, what: string) =>
    `${word.padEnd(10)} ${p.file}${stamped(p.architecture)}: ${what} (${p.id.slice(0, 12)})`;
  const lines = [
    ...report.imported.map((p) => line('imported', p, p.name)),
    ...report.unchanged.map((p) => line('unchanged', p, 'already in the catalog')),
    ...report.skipped.map((issue) => `skipped    ${issue.file}: ${issue.reason}`),
    ...report.failed.map((issue) => `failed     ${issue.file}: ${issue.reason}`),
  ];
  const summary =
    `${report.imported.length} imported, ${report.unchanged.length} unchanged, ` +
    `${report.skipped.length} skipped, ${report.failed.length} failed`;

  return [...lines, summary].join('\n');
}

function collectChids(value: string, previous: string[] | undefined): string[] {
  const chids = value
    .split(',')
    .filter((text) => text.trim() !== '')
    .map((text) => {
      const chid = normaliseChid(text);

      if (chid === null) throw new InvalidArgumentError(`'${text}' is not a {GUID}.`);

      return chid;
    });

  return [...new Set([...(previous ?? []), ...chids])];
}

function collectArchitectures(value: string, previous: Architecture[] | undefined): Architecture[] {
  const chosen = value
    .split(',')
    .map((text) => text.trim().toLowerCase())
    .filter((text) => text !== '')
    .map((text) => {
      if (!ARCHITECTURES.includes(text as Architecture)) {
        throw new InvalidArgumentError(`Expected one of ${ARCHITECTURES.join(', ')}.`);
      }

      return text as Architecture;
    });

  return [...new Set([...(previous ?? []), ...chosen])];
}
