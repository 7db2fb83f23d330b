import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { envOption } from '../env-option.js';
import { exitWithUsageCode } from '../exit-codes.js';
import {
  buildCatalogIndex,
  evaluateConfiguration,
  type NodeEvaluation,
} from '../../applicability/index.js';
import { formatNodeEvaluation } from '../../applicability/format-evaluation.js';
import { fileErrorReason } from '../../catalog/file-error-reason.js';
import { packageFromInf } from '../../catalog/package-from-inf.js';
import { packageIdOf } from '../../catalog/package-id.js';
import type { CatalogMatchRow, CatalogPackage } from '../../catalog/types.js';
import { validateReport } from '../../fleet/validate-report.js';
import type { DeviceReport, ReportedOs } from '../../fleet/report-types.js';
import { readInf } from '../../inf/index.js';

const ARCHITECTURES: readonly ReportedOs['architecture'][] = ['x86', 'amd64', 'arm', 'arm64'];
const UNREADABLE_EXIT_CODE = 1;

interface ExplainOptions {
  readonly device: string;
  readonly inf: readonly string[];
  readonly arch?: ReportedOs['architecture'];
  readonly json?: boolean;
}

interface LoadedInf {
  readonly file: string;
  readonly package: CatalogPackage | null;
  readonly rows: readonly CatalogMatchRow[];
  readonly skipped: string | null;
}

class UnreadableInput extends Error {}

async function loadReport(file: string): Promise<DeviceReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UnreadableInput(`cannot read ${file}: ${fileErrorReason(error)}`);
  }

  const validation = validateReport(parsed);
  if (!validation.ok) {
    const problems = validation.errors.map((error) => `${error.path}: ${error.message}`);
    throw new UnreadableInput(`${file} is not a device report:\n  ${problems.join('\n  ')}`);
  }

  return validation.report;
}

async function loadInf(file: string, arch: ReportedOs['architecture']): Promise<LoadedInf> {
  let bytes: Uint8Array;
  let files: string[];
  try {
    bytes = await readFile(file);
    files = await readdir(dirname(file));
  } catch (error) {
    throw new UnreadableInput(`cannot read ${file}: ${fileErrorReason(error)}`);
  }

  const infName = basename(file).toLowerCase();
  const inf = readInf(bytes, { arch });
  const id = packageIdOf([{ name: infName, bytes }]);
  // Every decoration is kept so the engine can say why the ones for other platforms lose.
  const result = packageFromInf({ id, infName, inf, files, publishing: 'automatic', chids: [] });

  return result.kind === 'package'
    ? { file, package: result.package, rows: result.rows, skipped: null }
    : { file, package: null, rows: [], skipped: result.reason };
}

function describeInf(entry: LoadedInf): string {
  if (entry.package === null) return `  ${entry.file}: not used, ${entry.skipped}`;
  const { name, date, signed } = entry.package;

  return `  ${entry.file}: ${name}, ${date}, ${signed ? 'signed' : 'unsigned'}`;
}

function isInteresting(node: NodeEvaluation): boolean {
  return node.candidates.length > 0 || node.excluded.length > 0 || node.extensions.length > 0;
}

function formatText(
  report: DeviceReport,
  os: ReportedOs,
  infs: readonly LoadedInf[],
  nodes: readonly NodeEvaluation[],
): string {
  const shown = nodes.filter(isInteresting);
  const lines = [
    `${report.deviceName} (${report.deviceId}), Windows ${os.version} ${os.architecture}`,
    ...infs.map(describeInf),
    '',
    ...shown.map((node) => `${formatNodeEvaluation(node)}\n`),
    `${nodes.length - shown.length} of ${nodes.length} device nodes match none of the INF files.`,
  ];

  return lines.join('\n');
}

async function explain(options: ExplainOptions): Promise<void> {
  try {
    const report = await loadReport(options.device);
    const os: ReportedOs = { ...report.os, architecture: options.arch ?? report.os.architecture };
    const infs = await Promise.all(options.inf.map((file) => loadInf(file, os.architecture)));
    const index = buildCatalogIndex(
      infs.flatMap((entry) => (entry.package === null ? [] : [entry.package])),
      infs.flatMap((entry) => entry.rows),
    );
    const evaluation = evaluateConfiguration({ ...report, os }, index);

    if (options.json) {
      const packages = infs.map((entry) => ({
        file: entry.file,
        package: entry.package,
        skipped: entry.skipped,
      }));
      console.log(
        JSON.stringify({ deviceId: report.deviceId, os, packages, ...evaluation }, null, 2),
      );
    } else {
      console.log(formatText(report, os, infs, evaluation.nodes));
    }
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    console.error(`drivergraph: ${error.message}`);
    process.exitCode = UNREADABLE_EXIT_CODE;
  }
}

/** `drivergraph explain`: how Windows would rank the given INF files for one device report. */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('Show, per device node, how Windows would rank the given INF files and why')
    .requiredOption('--device <report>', 'device report (JSON) to evaluate')
    .requiredOption('--inf <files...>', 'INF files to rank against the device')
    .addOption(
      envOption(
        '--arch <architecture>',
        "evaluate as this OS architecture (default: the report's)",
        'EXPLAIN_ARCH',
      ).choices(ARCHITECTURES),
    )
    .addOption(envOption('--json', 'print the evaluation as JSON for scripts', 'EXPLAIN_JSON'))
    .exitOverride(exitWithUsageCode)
    .action(explain);
}
