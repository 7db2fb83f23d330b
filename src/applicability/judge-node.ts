// The half of a node's evaluation that turns on what the node has installed: whether the winner
// beats the installed driver, which extension each ExtensionId gets, and the packages offered.
// Cheap next to collecting and ranking, so it runs once per node over a shared ranking.
import type { DeviceNode, InstalledExtension } from '../fleet/report-types.js';
import { compareNewest } from './driver-order.js';
import { beatsInstalled, installedStateOf, verdictAgainst } from './installed-driver.js';
import {
  compareText,
  normalizeGuid,
  type ExtensionGroup,
  type RankedCandidates,
} from './rank-candidates.js';
import type {
  Candidate,
  ExtensionChoice,
  InstalledState,
  Offer,
  OfferCategory,
  Verdict,
} from './types.js';

export interface NodeJudgement {
  readonly installed: InstalledState | null;
  /** Whether the winner beats the installed driver. */
  readonly verdict: Verdict;
  readonly extensions: readonly ExtensionChoice[];
  readonly offers: readonly Offer[];
}

/** A package offered to a node, without the words: what a fleet count needs. */
export interface OfferedPackage {
  readonly packageId: string;
  readonly category: OfferCategory;
}

type BaseGround = 'optional' | 'firmware' | 'winner' | 'outranked';

/** Why a package is offered; the words are built only for callers that show them. */
type Decision = OfferedPackage &
  (
    | { readonly kind: 'base'; readonly ground: BaseGround }
    | { readonly kind: 'extension'; readonly group: ExtensionGroup; readonly chosen: boolean }
  );

export function judgeNode(node: DeviceNode, ranked: RankedCandidates): NodeJudgement {
  const { winner } = ranked;
  const installed = installedStateOf(node);
  const verdict: Verdict =
    winner === null
      ? { kind: 'no-update', reason: 'no automatic driver in the catalog matches this device' }
      : verdictAgainst(winner, installed);
  const extensions = ranked.extensions.map(({ extensionId, candidates }): ExtensionChoice => {
    const chosen = candidates[0]!;
    const installedExtension = installedExtensionOf(node.extensionDrivers, extensionId);

    return {
      extensionId,
      chosen,
      candidates,
      installed: installedExtension,
      verdict: extensionVerdict(chosen, installedExtension),
    };
  });
  const offers = decide(ranked, installed, node.extensionDrivers).map((decision): Offer => ({
    packageId: decision.packageId,
    instanceId: node.instanceId,
    category: decision.category,
    reason: reasonOf(decision, installed, winner),
  }));

  return {
    installed,
    verdict,
    extensions,
    offers: offers.sort((a, b) => compareText(a.packageId, b.packageId)),
  };
}

/** The packages `judgeNode` offers, in no particular order, without building its reasons. */
export function offeredPackages(
  node: Omit<DeviceNode, 'instanceId'>,
  ranked: RankedCandidates,
): readonly OfferedPackage[] {
  return decide(ranked, installedStateOf(node), node.extensionDrivers);
}

function decide(
  { candidates, winner, extensions }: RankedCandidates,
  installed: InstalledState | null,
  installedExtensions: readonly InstalledExtension[],
): Decision[] {
  const decisions: Decision[] = [];
  const decided = new Set<string>();

  // Candidates are best first, so the first node seen per package is that package's best.
  const seen = new Set<string>();
  for (const entry of candidates) {
    const { packageId } = entry;
    if (seen.has(packageId)) continue;
    seen.add(packageId);
    if (!beatsInstalled(entry, installed)) continue;

    const ground = baseGround(entry, winner, installed);
    if (ground === null) continue;
    decided.add(packageId);
    const category = ground === 'winner' ? 'recommended' : 'other';
    decisions.push({ kind: 'base', packageId, category, ground });
  }

  for (const group of extensions) {
    const installedExtension = installedExtensionOf(installedExtensions, group.extensionId);
    for (const entry of group.candidates) {
      const { packageId } = entry;
      if (decided.has(packageId) || !extensionBeats(entry, installedExtension)) continue;
      decided.add(packageId);
      const chosen = entry === group.candidates[0];
      decisions.push({ kind: 'extension', packageId, category: 'other', group, chosen });
    }
  }

  return decisions;
}

/** Null for an optional driver where the device has a specific driver already. */
function baseGround(
  entry: Candidate,
  winner: Candidate | null,
  installed: InstalledState | null,
): BaseGround | null {
  if (entry.publishing === 'optional') {
    return installed === null || installed.generic ? 'optional' : null;
  }
  if (entry.role === 'firmware') return 'firmware';

  return entry === winner ? 'winner' : 'outranked';
}

function reasonOf(
  decision: Decision,
  installed: InstalledState | null,
  winner: Candidate | null,
): string {
  if (decision.kind === 'extension') {
    const { group, chosen } = decision;

    return chosen
      ? `extension chosen for ExtensionId ${group.extensionId}`
      : `extension superseded by ${group.candidates[0]!.packageName}`;
  }

  switch (decision.ground) {
    case 'optional': {
      const where = installed === null ? 'no driver' : 'a generic driver';

      return `optional driver for a device with ${where}`;
    }
    case 'firmware':
      return 'firmware is listed under other';
    case 'winner':
      return 'best automatic driver and better than installed';
    case 'outranked':
      return `outranked by ${winner?.packageName ?? 'another driver'}`;
  }
}

function installedExtensionOf(
  installedExtensions: readonly InstalledExtension[],
  extensionId: string,
): InstalledExtension | null {
  return (
    installedExtensions.find((entry) => normalizeGuid(entry.extensionId) === extensionId) ?? null
  );
}

function extensionBeats(candidate: Candidate, installed: InstalledExtension | null): boolean {
  return installed === null || compareNewest(candidate, installed) < 0;
}

function extensionVerdict(candidate: Candidate, installed: InstalledExtension | null): Verdict {
  if (installed === null) {
    return { kind: 'update', reason: 'no extension with this ExtensionId is installed' };
  }
  if (extensionBeats(candidate, installed)) {
    return { kind: 'update', reason: `newer than the installed ${installed.infName}` };
  }

  return { kind: 'no-update', reason: `the installed ${installed.infName} is as new or newer` };
}
