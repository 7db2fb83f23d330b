// What a node has installed, put in the same terms as a candidate, and the question every offer
// turns on: does a candidate beat it?
import type { DeviceNode, InstalledDriver } from '../fleet/report-types.js';
import { compareNewest, compareVersions } from './driver-order.js';
import { deviceIdLookup, matchIdentifier } from './identifier-match.js';
import {
  composeRank,
  DEFAULT_FEATURE_SCORE,
  formatRank,
  parseRank,
  rankParts,
  signatureScore,
} from './rank.js';
import type { Candidate, InstalledState, Verdict } from './types.js';

/** What is installed does not depend on the instance ID, which identical machines do not share. */
type NodeWithoutInstance = Omit<DeviceNode, 'instanceId'>;

export function installedStateOf(node: NodeWithoutInstance): InstalledState | null {
  const driver = node.installedDriver;
  if (driver === null) return null;

  const reported = driver.rank === null ? null : parseRank(driver.rank);
  const recomputed = reported === null ? recomputeRank(node, driver) : null;
  const rank = reported ?? recomputed;

  return {
    infName: driver.infName,
    provider: driver.provider,
    date: driver.date,
    version: driver.version,
    rank,
    rankText: rank === null ? null : formatRank(rank),
    rankSource: reported !== null ? 'reported' : recomputed !== null ? 'recomputed' : 'unknown',
    generic: isGeneric(node, driver, rank),
  };
}

/** Whether `candidate` beats the installed driver by Windows' order, and in words why (not). */
export function verdictAgainst(candidate: Candidate, installed: InstalledState | null): Verdict {
  if (installed === null) return { kind: 'update', reason: 'the device has no driver' };

  const better = beatsInstalled(candidate, installed);
  if (installed.rank === null) {
    return better
      ? { kind: 'update', reason: 'newer than the installed driver, whose rank is unknown' }
      : { kind: 'no-update', reason: 'not newer than the installed driver, whose rank is unknown' };
  }

  return better
    ? { kind: 'update', reason: whyBetter(candidate, installed, installed.rank) }
    : { kind: 'no-update', reason: whyNotBetter(candidate, installed, installed.rank) };
}

/** The verdict's answer without its words, for callers that only count offers. */
export function beatsInstalled(candidate: Candidate, installed: InstalledState | null): boolean {
  if (installed === null) return true;
  // Without a rank the only safe comparison is age: offer strictly newer drivers only.
  if (installed.rank === null) return compareNewest(candidate, installed) < 0;
  if (candidate.rank !== installed.rank) return candidate.rank < installed.rank;

  // Past the rank, Windows' order is date, then version: the same as newest first.
  return compareNewest(candidate, installed) < 0;
}

/**
 * The rank Windows would have logged, rebuilt from the matching ID when the device did not report
 * one. The INF side is not reported, so this assumes what most drivers are: a signed driver
 * whose model line names the ID as its hardware ID, without a FeatureScore.
 */
function recomputeRank(node: NodeWithoutInstance, driver: InstalledDriver): number | null {
  if (driver.matchingId === null) return null;
  const match = matchIdentifier(deviceIdLookup(node), driver.matchingId, {
    kind: 'hardware',
    position: 0,
  });
  if (match === null) return null;

  return composeRank({
    signature: signatureScore('trusted'),
    featureScore: DEFAULT_FEATURE_SCORE,
    matchType: match.matchType,
    position: match.position,
  });
}

/**
 * A generic driver is an inbox Microsoft driver that matched one of the device's compatible IDs
 * (match type 2 or 3): Windows' class drivers such as Microsoft Basic Display Adapter or the USB
 * and HID class drivers. A Microsoft driver matched on a hardware ID is specific to the device.
 */
function isGeneric(
  node: NodeWithoutInstance,
  driver: InstalledDriver,
  rank: number | null,
): boolean {
  if (!/^microsoft\b/i.test(driver.provider ?? '')) return false;
  if (rank !== null) return rankParts(rank).matchType >= 2;
  if (driver.matchingId === null) return false;
  const id = driver.matchingId.toUpperCase();
  const onHardwareList = node.hardwareIds.some((entry) => entry.toUpperCase() === id);

  return !onHardwareList && node.compatibleIds.some((entry) => entry.toUpperCase() === id);
}

function whyBetter(candidate: Candidate, installed: InstalledState, rank: number): string {
  if (candidate.rank < rank) return `ranks ${candidate.rankText}, better than ${formatRank(rank)}`;
  if (candidate.date > installed.date) {
    return `same rank, newer date ${candidate.date} than ${installed.date}`;
  }

  return `same rank and date, higher version ${candidate.version} than ${installed.version}`;
}

function whyNotBetter(candidate: Candidate, installed: InstalledState, rank: number): string {
  if (candidate.rank > rank) {
    return `the installed driver ranks ${formatRank(rank)}, better than ${candidate.rankText}`;
  }
  if (candidate.date < installed.date) {
    return `the installed driver is newer (${installed.date} against ${candidate.date})`;
  }
  if (compareVersions(installed.version, candidate.version) > 0) {
    const versions = `${installed.version} against ${candidate.version}`;

    return `the installed driver has a higher version (${versions})`;
  }

  return 'the installed driver has the same rank, date and version';
}
