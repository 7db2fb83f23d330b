// Why one package applies to a machine: for each device node it is offered to, the ID that
// matched, the rank Windows gives it, what the node has installed and the engine's reason.
import type {
  Candidate,
  ConfigurationEvaluation,
  MatchType,
  NodeEvaluation,
  Offer,
  OfferCategory,
} from '../applicability/index.js';

export interface InstalledDriverSummary {
  readonly infName: string;
  readonly version: string;
  readonly date: string;
  /** Null for extensions, which are not ranked, and for drivers whose rank is unknown. */
  readonly rank: string | null;
}

export interface DriverMatch {
  readonly kind: 'driverMatch';
  /** The node's most specific hardware ID: stored configurations keep no instance IDs. */
  readonly node: string;
  readonly matchedId: string;
  readonly matchedIdList: 'hardware' | 'compatible';
  readonly infId: string;
  readonly matchType: MatchType;
  readonly rank: string;
  readonly installedDriver: InstalledDriverSummary | null;
  readonly category: OfferCategory;
  readonly reason: string;
}

/** Every node of the configuration the package is offered to, in node order. */
export function matchesOfPackage(
  evaluation: ConfigurationEvaluation,
  packageId: string,
): DriverMatch[] {
  return evaluation.nodes.flatMap((node) => {
    const offer = node.offers.find((entry) => entry.packageId === packageId);
    if (offer === undefined) return [];

    const match = matchOf(node, offer);

    return match === null ? [] : [match];
  });
}

function matchOf(node: NodeEvaluation, offer: Offer): DriverMatch | null {
  // Candidates are best first, so the first node of the package is the one it competes with.
  const base = node.candidates.find((entry) => entry.packageId === offer.packageId);
  if (base !== undefined) {
    const installed = node.installed && {
      infName: node.installed.infName,
      version: node.installed.version,
      date: node.installed.date,
      rank: node.installed.rankText,
    };

    return describe(node, offer, base, installed);
  }

  for (const choice of node.extensions) {
    const entry = choice.candidates.find((candidate) => candidate.packageId === offer.packageId);
    if (entry === undefined) continue;

    const installed = choice.installed;
    const summary = installed && {
      infName: installed.infName,
      version: installed.version,
      date: installed.date,
      rank: null,
    };

    return describe(node, offer, entry, summary);
  }

  return null;
}

function describe(
  node: NodeEvaluation,
  offer: Offer,
  candidate: Candidate,
  installedDriver: InstalledDriverSummary | null,
): DriverMatch {
  return {
    kind: 'driverMatch',
    node: node.instanceId,
    matchedId: candidate.deviceId,
    matchedIdList: candidate.deviceList,
    infId: candidate.infId,
    matchType: candidate.matchType,
    rank: candidate.rankText,
    installedDriver,
    category: offer.category,
    reason: offer.reason,
  };
}
