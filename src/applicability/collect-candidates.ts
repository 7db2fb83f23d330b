// Turns the catalog rows a device's IDs hit into driver nodes, dropping those Windows would not
// consider on this machine: another models section serves the OS, the package targets other
// computer hardware IDs, or a firmware package met a non-firmware ID.
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import type { DeviceNode } from '../fleet/report-types.js';
import { chosenDecoration, type CatalogIndex } from './catalog-index.js';
import { deviceIdLookup, matchIdentifier, type IdentifierMatch } from './identifier-match.js';
import { decorationKey, decorationMismatch, formatDecoration, type OsTarget } from './platform.js';
import { composeRank, formatRank, rankParts, signatureScore, type SignatureKind } from './rank.js';
import type { Candidate, CandidateRole, Exclusion, ExclusionReason } from './types.js';

export interface ResolvedContext {
  readonly os: OsTarget;
  /** Upper-cased computer hardware IDs of the machine. */
  readonly chids: ReadonlySet<string>;
}

export interface CollectedCandidates {
  readonly candidates: readonly Candidate[];
  readonly excluded: readonly Exclusion[];
}

const firmwareIdPrefix = 'UEFI\\RES_';

export function collectCandidates(
  node: DeviceNode,
  context: ResolvedContext,
  index: CatalogIndex,
): CollectedCandidates {
  const lookup = deviceIdLookup(node);
  const candidates: Candidate[] = [];
  const excluded: Exclusion[] = [];
  const seenIds = new Set<string>();

  for (const deviceId of [...node.hardwareIds, ...node.compatibleIds]) {
    const key = deviceId.toUpperCase();
    if (seenIds.has(key)) continue;
    seenIds.add(key);

    for (const row of index.rowsById.get(key) ?? []) {
      const entry = index.packages.get(row.packageId);
      const match = matchIdentifier(lookup, row.matchId, row);
      if (entry === undefined || match === null) continue;

      const exclusion = exclusionOf(entry, row, match, context, index);
      if (exclusion === null) candidates.push(candidateOf(entry, row, match));
      else excluded.push(exclusion);
    }
  }

  return { candidates, excluded };
}

export function roleOf(entry: CatalogPackage): CandidateRole {
  if (entry.extensionId !== null || entry.infClass.toLowerCase() === 'extension') {
    return 'extension';
  }

  return entry.infClass.toLowerCase() === 'firmware' ? 'firmware' : 'driver';
}

function exclusionOf(
  entry: CatalogPackage,
  row: CatalogMatchRow,
  match: IdentifierMatch,
  context: ResolvedContext,
  index: CatalogIndex,
): Exclusion | null {
  const chosen = chosenDecoration(index, row, context.os);
  const rowDecoration = formatDecoration(row);
  const { major, minor, build, architecture } = context.os;
  const windows = `Windows ${major}.${minor}.${build} ${architecture}`;
  const exclude = (reason: ExclusionReason, detail: string): Exclusion => ({
    kind: 'excluded',
    packageId: entry.id,
    infName: entry.infName,
    infId: row.matchId,
    deviceId: match.deviceId,
    installSection: row.installSection,
    decoration: rowDecoration,
    reason,
    detail,
  });

  if (chosen === null) {
    const why = decorationMismatch(row, context.os) ?? 'no models section serves it';
    return exclude('platform', `no models section serves ${windows}: ${rowDecoration} ${why}`);
  }

  if (decorationKey(chosen) !== decorationKey(row)) {
    const used = formatDecoration(chosen);

    return exclude('platform', `${windows} uses the ${used} models section, not ${rowDecoration}`);
  }

  if (
    entry.chids.length > 0 &&
    !entry.chids.some((chid) => context.chids.has(chid.toUpperCase()))
  ) {
    return exclude(
      'chid',
      'the package targets computer hardware IDs this machine does not report',
    );
  }

  if (roleOf(entry) === 'firmware' && !match.deviceId.toUpperCase().startsWith(firmwareIdPrefix)) {
    return exclude('firmware-id', `firmware applies to ${firmwareIdPrefix}{GUID} IDs only`);
  }

  return null;
}

function candidateOf(
  entry: CatalogPackage,
  row: CatalogMatchRow,
  match: IdentifierMatch,
): Candidate {
  const signature: SignatureKind = entry.signed ? 'trusted' : 'unsigned';
  const rank = composeRank({
    signature: signatureScore(signature),
    featureScore: row.featureScore,
    matchType: match.matchType,
    position: match.position,
  });

  return {
    kind: 'candidate',
    packageId: entry.id,
    packageName: entry.name,
    infName: entry.infName,
    provider: entry.provider,
    driverClass: entry.driverClass,
    role: roleOf(entry),
    publishing: entry.publishing,
    extensionId: entry.extensionId,
    deviceId: match.deviceId,
    deviceList: match.deviceList,
    devicePosition: match.devicePosition,
    infId: row.matchId,
    infIdKind: row.kind,
    infPosition: row.position,
    installSection: row.installSection,
    decoration: formatDecoration(row),
    signature,
    matchType: match.matchType,
    rank,
    rankText: formatRank(rank),
    parts: rankParts(rank),
    date: row.date ?? entry.date,
    version: row.version ?? entry.version,
  };
}
