// Turns the catalog rows a device's IDs hit into driver nodes, dropping those Windows would not
// consider on this machine: another models section serves the OS, the package targets other
// computer hardware IDs, or a firmware package met a non-firmware ID.
import type { CatalogMatchRow, CatalogPackage } from '../catalog/types.js';
import {
  chosenDecoration,
  decorationFits,
  type CatalogIndex,
  type DecorationFits,
} from './catalog-index.js';
import {
  deviceIdLookup,
  matchIdentifier,
  type DeviceIdLists,
  type IdentifierMatch,
} from './identifier-match.js';
import { decorationMismatch, formatDecoration, type OsTarget } from './platform.js';
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
  ids: DeviceIdLists,
  context: ResolvedContext,
  index: CatalogIndex,
): CollectedCandidates {
  const excluded: Exclusion[] = [];
  const candidates = collect(ids, context, index, { excluded });

  return { candidates, excluded };
}

/**
 * The candidates alone, for callers that never show why rows were dropped. `fits` holds the
 * decoration answers for the context's OS, shared with every other node evaluated on that OS.
 */
export function collectAdmitted(
  ids: DeviceIdLists,
  context: ResolvedContext,
  index: CatalogIndex,
  fits: DecorationFits,
): readonly Candidate[] {
  return collect(ids, context, index, { fits });
}

export function roleOf(entry: CatalogPackage): CandidateRole {
  if (entry.extensionId !== null || entry.infClass.toLowerCase() === 'extension') {
    return 'extension';
  }

  return entry.infClass.toLowerCase() === 'firmware' ? 'firmware' : 'driver';
}

function collect(
  ids: DeviceIdLists,
  context: ResolvedContext,
  index: CatalogIndex,
  { excluded, fits }: { readonly excluded?: Exclusion[]; readonly fits?: DecorationFits },
): Candidate[] {
  const lookup = deviceIdLookup(ids);
  const candidates: Candidate[] = [];
  const seenIds = new Set<string>();

  for (const deviceId of [...ids.hardwareIds, ...ids.compatibleIds]) {
    const key = deviceId.toUpperCase();
    if (seenIds.has(key)) continue;
    seenIds.add(key);

    for (const row of index.rowsById.get(key) ?? []) {
      const entry = index.packages.get(row.packageId);
      const match = matchIdentifier(lookup, row.matchId, row);
      if (entry === undefined || match === null) continue;

      const fitsOs = decorationFits(index, row, context.os, fits);
      const reason = exclusionReason(entry, match, fitsOs, context);
      if (reason === null) candidates.push(candidateOf(entry, row, match));
      else excluded?.push(exclusionOf(reason, entry, row, match, context, index));
    }
  }

  return candidates;
}

function exclusionReason(
  entry: CatalogPackage,
  match: IdentifierMatch,
  fitsOs: boolean,
  context: ResolvedContext,
): ExclusionReason | null {
  if (!fitsOs) return 'platform';

  const chids = entry.chids;
  if (chids.length > 0 && !chids.some((chid) => context.chids.has(chid.toUpperCase()))) {
    return 'chid';
  }

  if (roleOf(entry) === 'firmware' && !match.deviceId.toUpperCase().startsWith(firmwareIdPrefix)) {
    return 'firmware-id';
  }

  return null;
}

function exclusionOf(
  reason: ExclusionReason,
  entry: CatalogPackage,
  row: CatalogMatchRow,
  match: IdentifierMatch,
  context: ResolvedContext,
  index: CatalogIndex,
): Exclusion {
  const decoration = formatDecoration(row);

  return {
    kind: 'excluded',
    packageId: entry.id,
    infName: entry.infName,
    infId: row.matchId,
    deviceId: match.deviceId,
    installSection: row.installSection,
    decoration,
    reason,
    detail: exclusionDetail(reason, row, decoration, context, index),
  };
}

function exclusionDetail(
  reason: ExclusionReason,
  row: CatalogMatchRow,
  decoration: string,
  context: ResolvedContext,
  index: CatalogIndex,
): string {
  if (reason === 'chid') {
    return 'the package targets computer hardware IDs this machine does not report';
  }
  if (reason === 'firmware-id') return `firmware applies to ${firmwareIdPrefix}{GUID} IDs only`;

  const { major, minor, build, architecture } = context.os;
  const windows = `Windows ${major}.${minor}.${build} ${architecture}`;
  const chosen = chosenDecoration(index, row, context.os);
  if (chosen === null) {
    const why = decorationMismatch(row, context.os) ?? 'no models section serves it';

    return `no models section serves ${windows}: ${decoration} ${why}`;
  }

  return `${windows} uses the ${formatDecoration(chosen)} models section, not ${decoration}`;
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
