// The half of a node's evaluation that turns on what the node has installed: whether the winner
// beats the installed driver, which extension each ExtensionId gets, and the packages offered.
// Cheap next to collecting and ranking, so it runs once per node over a shared ranking.
import type { DeviceNode, InstalledExtension } from '../fleet/report-types.js';
import { compareNewest } from './driver-order.js';
import { installedStateOf, verdictAgainst } from './installed-driver.js';
import { compareText, normalizeGuid, type RankedCandidates } from './rank-candidates.js';
import type { Candidate, ExtensionChoice, InstalledState, Offer, Verdict } from './types.js';

export interface NodeJudgement {
  readonly installed: InstalledState | null;
  /** Whether the winner beats the installed driver. */
  readonly verdict: Verdict;
  readonly extensions: readonly ExtensionChoice[];
  readonly offers: readonly Offer[];
}

export function judgeNode(node: DeviceNode, ranked: RankedCandidates): NodeJudgement {
  const { winner } = ranked;
  const installed = installedStateOf(node);
  const verdict: Verdict =
    winner === null
      ? { kind: 'no-update', reason: 'no automatic driver in the catalog matches this device' }
      : verdictAgainst(winner, installed);
  const extensions = chooseExtensions(ranked, node.extensionDrivers);

  return {
    installed,
    verdict,
    extensions,
    offers: offersOf(node.instanceId, ranked, installed, extensions),
  };
}

function chooseExtensions(
  ranked: RankedCandidates,
  installedExtensions: readonly InstalledExtension[],
): ExtensionChoice[] {
  const choices: ExtensionChoice[] = [];

  for (const { extensionId, candidates } of ranked.extensions) {
    const chosen = candidates[0];
    if (chosen === undefined) continue;
    const installed =
      installedExtensions.find((entry) => normalizeGuid(entry.extensionId) === extensionId) ?? null;
    choices.push({
      extensionId,
      chosen,
      candidates,
      installed,
      verdict: extensionVerdict(chosen, installed),
    });
  }

  return choices;
}

function extensionVerdict(candidate: Candidate, installed: InstalledExtension | null): Verdict {
  if (installed === null) {
    return { kind: 'update', reason: 'no extension with this ExtensionId is installed' };
  }
  if (compareNewest(candidate, installed) < 0) {
    return { kind: 'update', reason: `newer than the installed ${installed.infName}` };
  }

  return { kind: 'no-update', reason: `the installed ${installed.infName} is as new or newer` };
}

function offersOf(
  instanceId: string,
  { candidates, winner }: RankedCandidates,
  installed: InstalledState | null,
  extensions: readonly ExtensionChoice[],
): Offer[] {
  const offers = new Map<string, Offer>();
  const offer = (packageId: string, category: Offer['category'], reason: string): void => {
    if (!offers.has(packageId)) offers.set(packageId, { packageId, instanceId, category, reason });
  };

  // Candidates are best first, so the first node seen per package is that package's best.
  const seen = new Set<string>();
  for (const entry of candidates) {
    if (seen.has(entry.packageId)) continue;
    seen.add(entry.packageId);
    if (verdictAgainst(entry, installed).kind !== 'update') continue;

    if (entry.publishing === 'optional') {
      if (installed !== null && !installed.generic) continue;
      const where = installed === null ? 'no driver' : 'a generic driver';
      offer(entry.packageId, 'other', `optional driver for a device with ${where}`);
    } else if (entry.role === 'firmware') {
      offer(entry.packageId, 'other', 'firmware is listed under other');
    } else if (entry === winner) {
      offer(entry.packageId, 'recommended', 'best automatic driver and better than installed');
    } else {
      offer(entry.packageId, 'other', `outranked by ${winner?.packageName ?? 'another driver'}`);
    }
  }

  for (const choice of extensions) {
    for (const entry of choice.candidates) {
      if (extensionVerdict(entry, choice.installed).kind !== 'update') continue;
      const reason =
        entry === choice.chosen
          ? `extension chosen for ExtensionId ${choice.extensionId}`
          : `extension superseded by ${choice.chosen.packageName}`;
      offer(entry.packageId, 'other', reason);
    }
  }

  return [...offers.values()].sort((a, b) => compareText(a.packageId, b.packageId));
}
