// Plain-text account of a node evaluation for a support engineer: every candidate with its rank
// taken apart, what was dropped and why, the winner and whether it is an update.
import { describeMatchType, signatureKindOf } from './rank.js';
import type { Candidate, ExtensionChoice, NodeEvaluation, Verdict } from './types.js';

const hex2 = (value: number): string => value.toString(16).toUpperCase().padStart(2, '0');

export function formatNodeEvaluation(evaluation: NodeEvaluation): string {
  const lines = [evaluation.instanceId, `  installed: ${installedLine(evaluation)}`];

  if (evaluation.candidates.length > 0) {
    lines.push('  candidates, best first:');
    evaluation.candidates.forEach((entry, position) => {
      const mark = entry === evaluation.winner ? '  <- winner' : '';
      lines.push(`    ${position + 1}. ${candidateLine(entry)}${mark}`, ...rankLines(entry));
    });
  }

  if (evaluation.excluded.length > 0) {
    lines.push('  not considered:');
    for (const entry of evaluation.excluded) {
      lines.push(`    ${entry.infName} ${entry.infId} [${entry.decoration}]: ${entry.detail}`);
    }
  }

  const winner = evaluation.winner;
  lines.push(`  winner: ${winner === null ? 'none' : candidateLine(winner)}`);
  lines.push(`  update: ${verdictLine(evaluation.verdict)}`);
  for (const choice of evaluation.extensions) lines.push(...extensionLines(choice));

  return lines.join('\n');
}

function installedLine(evaluation: NodeEvaluation): string {
  const installed = evaluation.installed;
  if (installed === null) return 'no driver';
  const rank =
    installed.rankText === null
      ? 'rank unknown'
      : `rank ${installed.rankText} (${installed.rankSource})`;
  const generic = installed.generic ? ', generic' : '';
  const provider = installed.provider === null ? '' : ` ${installed.provider}`;
  const driver = `${installed.infName}${provider} ${installed.date} ${installed.version}`;

  return `${driver}, ${rank}${generic}`;
}

function candidateLine(entry: Candidate): string {
  const extras = [
    entry.publishing === 'optional' ? 'optional' : null,
    entry.role === 'driver' ? null : entry.role,
  ].filter((value) => value !== null);
  const notes = extras.length === 0 ? '' : ` (${extras.join(', ')})`;

  const where = `[${entry.installSection}, ${entry.decoration}]`;

  return `${entry.infName} ${where} ${entry.date} ${entry.version} rank ${entry.rankText}${notes}`;
}

function rankLines(entry: Candidate): string[] {
  const { parts } = entry;
  const infSide =
    entry.infIdKind === 'hardware'
      ? "the model line's hardware ID"
      : `the model line's compatible ID [${entry.infPosition}]`;
  const signature = `signature ${hex2(parts.signature)} (${signatureKindOf(parts.signature)})`;
  const match = `match type ${parts.matchType}: ${describeMatchType(parts.matchType)}`;
  const position = `position ${parts.position.toString(16).toUpperCase()}`;
  const device = `device ${entry.deviceList} ID [${entry.devicePosition}] ${entry.deviceId}`;

  return [
    `         ${signature}, feature score ${hex2(parts.featureScore)}, ${match}, ${position}`,
    `         ${device} = ${infSide}`,
  ];
}

function verdictLine(verdict: Verdict): string {
  return `${verdict.kind === 'update' ? 'yes' : 'no'}, ${verdict.reason}`;
}

function extensionLines(choice: ExtensionChoice): string[] {
  const current = choice.installed;
  const installed =
    current === null
      ? 'none installed'
      : `installed ${current.infName} ${current.date} ${current.version}`;

  return [
    `  extension ${choice.extensionId}: ${installed}`,
    `    chosen: ${candidateLine(choice.chosen)}`,
    `    update: ${verdictLine(choice.verdict)}`,
  ];
}
