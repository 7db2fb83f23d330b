import { readFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { fileErrorReason } from '../../catalog/file-error-reason.js';
import type { Architecture, InfDocument, InfModel } from '../../inf/types.js';
import { InfReadError, readInf } from '../../inf/index.js';
import { envOption } from '../env-option.js';

const ARCHITECTURES: readonly Architecture[] = ['x86', 'amd64', 'arm', 'arm64', 'ia64'];
const USAGE_EXIT_CODE = 2;

interface ShowOptions {
  readonly arch?: Architecture;
  readonly locale?: string;
  readonly json?: boolean;
}

// Commander reports usage errors with exit code 1; ours is 2, so 1 stays for unreadable files.
function usageExitCode(error: CommanderError): never {
  if (error.exitCode === 0) throw error;

  throw new CommanderError(USAGE_EXIT_CODE, error.code, error.message);
}

function formatModel(model: InfModel): string {
  const ids = [model.hardwareId, ...model.compatibleIds].join(', ');
  const score =
    model.featureScore === null ? '' : ` featureScore=0x${model.featureScore.toString(16)}`;

  const description = model.description || '(no description)';

  return `    ${description}: ${ids} -> [${model.installSection}]${score}`;
}

function formatDocument(file: string, inf: InfDocument): string {
  const { date, version } = inf.driverVer;
  const lines = [
    file,
    `  kind:        ${inf.kind}${inf.kindReason ? ` (${inf.kindReason})` : ''}`,
    `  class:       ${inf.class ?? '-'} ${inf.classGuid ?? ''}`.trimEnd(),
    `  provider:    ${inf.provider ?? '-'}`,
    `  driverVer:   ${date ?? '-'} ${version ?? '-'}`,
    `  catalog:     ${inf.catalogFiles.map((c) => c.file).join(', ') || '-'}`,
    `  deployable:  ${inf.deployable ? 'yes' : 'no'}`,
    `  encoding:    ${inf.encoding}`,
  ];

  if (inf.extensionId) lines.push(`  extensionId: ${inf.extensionId}`);
  if (inf.unresolvedTemplates.length > 0) {
    lines.push(`  templates:   ${inf.unresolvedTemplates.join(' ')}`);
  }

  const sections = new Map<string, InfModel[]>();

  for (const model of inf.models)
    sections.set(model.section, [...(sections.get(model.section) ?? []), model]);

  lines.push('', `models (${inf.models.length}):`);
  for (const [section, models] of sections) {
    lines.push(`  [${section}] ${models[0]?.manufacturer ?? ''}`, ...models.map(formatModel));
  }

  lines.push('', `warnings (${inf.warnings.length}):`);
  for (const warning of inf.warnings) {
    lines.push(`  ${warning.line === null ? 'file' : `line ${warning.line}`}: ${warning.message}`);
  }

  return lines.join('\n');
}

async function show(file: string, options: ShowOptions): Promise<void> {
  let inf: InfDocument;

  try {
    const bytes = await readFile(file);

    inf = readInf(bytes, { arch: options.arch, locale: options.locale });
  } catch (error) {
    const known = error instanceof InfReadError || (error as { code?: unknown }).code !== undefined;

    if (!known) throw error;

    console.error(`drivergraph: cannot read ${file}: ${fileErrorReason(error)}`);
    process.exitCode = 1;

    return;
  }

  console.log(options.json ? JSON.stringify(inf, null, 2) : formatDocument(file, inf));
}

/** `drivergraph inf show FILE`: what the INF reader understood of one file. */
export function registerInfCommand(program: Command): void {
  const inf = program
    .command('inf')
    .description('Read Windows INF files the way Windows setup does')
    .exitOverride(usageExitCode);

  inf
    .command('show')
    .description('Print what the INF reader understood of FILE')
    .argument('<file>', 'INF or INX file')
    .addOption(
      envOption('--arch <architecture>', 'stamp $ARCH$ with this architecture', 'INF_ARCH').choices(
        ARCHITECTURES,
      ),
    )
    .addOption(envOption('--locale <lcid>', 'prefer [Strings.<lcid>], e.g. 0407', 'INF_LOCALE'))
    .addOption(envOption('--json', 'print the reader result as JSON', 'INF_JSON'))
    .exitOverride(usageExitCode)
    .action(show);
}
