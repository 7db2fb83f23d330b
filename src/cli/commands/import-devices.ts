import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  DeviceReportService,
  type ImportSummary,
  type NumberedReport,
} from '../../fleet/device-report-service.js';
import { parseDriverCsv } from '../../fleet/parse-driver-csv.js';
import { parseReportLines } from '../../fleet/parse-report-lines.js';
import type { ReportedOs } from '../../fleet/report-types.js';
import { isOsVersion } from '../../fleet/report-syntax.js';
import { openStore } from '../../store/open-store.js';
import { createProgressBar } from '../progress-bar.js';
import { envOption } from '../env-option.js';
import { USAGE_EXIT_CODE, exitWithUsageCode } from '../exit-codes.js';
import { tenantStoreOptions, type TenantStoreOptions } from './import-options.js';

type Format = 'jsonl' | 'csv';

interface ImportDevicesOptions extends TenantStoreOptions {
  readonly format?: Format;
  readonly osVersion?: string;
  readonly arch: ReportedOs['architecture'];
  readonly reportedAt?: string;
  readonly deviceName?: string;
}

interface ParsedFile {
  readonly reports: readonly NumberedReport[];
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/** `drivergraph import devices FILE`: device reports from JSON Lines or a driver CSV export. */
export function addImportDevicesCommand(importCommand: Command): void {
  const command = importCommand
    .command('devices')
    .description(
      'Import device reports: JSON Lines, or a Win32_PnPSignedDriver CSV export ' +
        '(all lines or none)',
    )
    .argument('<file>', 'a .jsonl file of reports or a .csv export')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension or content)')
        .choices(['jsonl', 'csv'])
        .env('DRIVERGRAPH_IMPORT_FORMAT'),
    )
    .addOption(
      envOption(
        '--os-version <version>',
        "CSV: the machines' Windows version, e.g. 10.0.22631",
        'IMPORT_OS_VERSION',
      ).argParser(parseOsVersion),
    )
    .addOption(
      new Option('--arch <arch>', "CSV: the machines' architecture")
        .choices(['x86', 'amd64', 'arm', 'arm64'])
        .default('amd64')
        .env('DRIVERGRAPH_IMPORT_ARCH'),
    )
    .addOption(
      envOption(
        '--reported-at <date-time>',
        "CSV: when the export was taken (default: the file's modification time)",
        'IMPORT_REPORTED_AT',
      ).argParser(parseReportedAt),
    )
    .addOption(
      envOption(
        '--device-name <name>',
        "CSV: the machine's name when the file has no PSComputerName column",
        'IMPORT_DEVICE_NAME',
      ),
    );

  for (const option of tenantStoreOptions()) command.addOption(option);

  command
    .exitOverride(exitWithUsageCode)
    .action((file: string, options: ImportDevicesOptions) => importDevices(file, options));
}

async function importDevices(file: string, options: ImportDevicesOptions): Promise<void> {
  const text = decode(await readFile(file));
  const format = options.format ?? detectFormat(file, text);
  if (format === 'csv' && options.osVersion === undefined) {
    console.error('drivergraph import devices: a CSV export needs --os-version (e.g. 10.0.22631)');
    process.exitCode = USAGE_EXIT_CODE;

    return;
  }

  const parsed = format === 'jsonl' ? parseJsonLines(text) : await parseCsv(file, text, options);
  if (parsed.errors.length > 0) {
    for (const error of parsed.errors) console.error(`${file}:${error.line}: ${error.message}`);
    console.error(`${parsed.errors.length} bad line(s); nothing was imported`);
    process.exitCode = 1;

    return;
  }

  const store = await openStore(options.database ?? null, options.data);
  const progress = createProgressBar(process.stderr);
  const total = parsed.reports.length;
  let summary: ImportSummary;
  try {
    const service = new DeviceReportService({ store, clock: () => new Date() });
    summary = await service.importAll(options.tenant, parsed.reports, (done) =>
      progress.update(done, total, 'reports'),
    );
  } finally {
    progress.finish();
    await store.close();
  }

  console.log(formatSummary(file, total, summary));
}

function parseJsonLines(text: string): ParsedFile {
  const reports: NumberedReport[] = [];
  const errors: { line: number; message: string }[] = [];

  for (const entry of parseReportLines(text)) {
    if ('report' in entry) reports.push(entry);
    else
      for (const error of entry.errors)
        errors.push({ line: entry.line, message: `${error.path} ${error.message}` });
  }

  return { reports, errors };
}

async function parseCsv(
  file: string,
  text: string,
  options: ImportDevicesOptions,
): Promise<ParsedFile> {
  const reportedDateTime = options.reportedAt ?? (await stat(file)).mtime.toISOString();
  const result = parseDriverCsv(text, {
    os: { version: options.osVersion ?? '', architecture: options.arch },
    reportedDateTime,
    ...(options.deviceName !== undefined && { deviceName: options.deviceName }),
  });

  // A machine spans many rows, so its report carries no single line number.
  return { reports: result.reports.map((report) => ({ line: 0, report })), errors: result.errors };
}

function formatSummary(file: string, total: number, summary: ImportSummary): string {
  const skipped = summary.skipped.map((skip) =>
    skip.line > 0 ? `skipped    ${file}:${skip.line}: ${skip.reason}` : `skipped    ${skip.reason}`,
  );
  const counts =
    `${total} report(s): ${summary.stored} stored (${summary.registered} new device(s)), ` +
    `${summary.unchanged} unchanged, ${summary.skipped.length} skipped; ` +
    `${summary.configurations} distinct hardware configuration(s)`;

  return [...skipped, counts].join('\n');
}

/** Windows PowerShell writes UTF-16 with `Out-File` and some `Export-Csv` encodings. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');

  return bytes.toString('utf8');
}

function detectFormat(file: string, text: string): Format {
  const extension = extname(file).toLowerCase();
  if (['.jsonl', '.ndjson', '.json'].includes(extension)) return 'jsonl';
  if (extension === '.csv') return 'csv';

  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'jsonl'
    : 'csv';
}

function parseOsVersion(value: string): string {
  if (!isOsVersion(value)) {
    throw new InvalidArgumentError('Expected major.minor.build[.revision], e.g. 10.0.22631.');
  }

  return value;
}

function parseReportedAt(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw new InvalidArgumentError('Expected an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z.');
  }

  return new Date(time).toISOString();
}
