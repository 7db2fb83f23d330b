// What the engine says about a device node: every driver node it built, the rows it dropped and
// why, the winner, and the updates it offers. Plain readonly data, ready for JSON.
import type { PublishingKind, WindowsUpdateClass } from '../catalog/types.js';
import type { InstalledExtension } from '../fleet/report-types.js';
import type { DeviceIdList } from './identifier-match.js';
import type { MatchType, RankParts, SignatureKind } from './rank.js';

/** Base drivers compete on rank, extensions stack on top, firmware competes but is listed apart. */
export type CandidateRole = 'driver' | 'extension' | 'firmware';

/** One driver node: a catalog row whose ID the device reported. */
export interface Candidate {
  readonly kind: 'candidate';
  readonly packageId: string;
  readonly packageName: string;
  readonly infName: string;
  readonly provider: string;
  readonly driverClass: WindowsUpdateClass;
  readonly role: CandidateRole;
  readonly publishing: PublishingKind;
  readonly extensionId: string | null;
  readonly deviceId: string;
  readonly deviceList: DeviceIdList;
  readonly devicePosition: number;
  readonly infId: string;
  readonly infIdKind: 'hardware' | 'compatible';
  readonly infPosition: number;
  readonly installSection: string;
  /** The models section decoration the row came from, as an INF writes it. */
  readonly decoration: string;
  readonly signature: SignatureKind;
  readonly matchType: MatchType;
  readonly rank: number;
  readonly rankText: string;
  readonly parts: RankParts;
  readonly date: string;
  readonly version: string;
}

export type ExclusionReason = 'platform' | 'chid' | 'firmware-id';

/** A row whose ID the device reported but which Windows would not consider. */
export interface Exclusion {
  readonly kind: 'excluded';
  readonly packageId: string;
  readonly infName: string;
  readonly infId: string;
  readonly deviceId: string;
  readonly installSection: string;
  readonly decoration: string;
  readonly reason: ExclusionReason;
  readonly detail: string;
}

export interface InstalledState {
  readonly infName: string;
  readonly provider: string | null;
  readonly date: string;
  readonly version: string;
  readonly rank: number | null;
  readonly rankText: string | null;
  /** Whether the rank is the device's own, rebuilt from its matching ID, or not known at all. */
  readonly rankSource: 'reported' | 'recomputed' | 'unknown';
  /** An inbox Microsoft driver matched on a compatible ID; optional drivers may replace it. */
  readonly generic: boolean;
}

export type Verdict =
  | { readonly kind: 'update'; readonly reason: string }
  | { readonly kind: 'no-update'; readonly reason: string };

export interface ExtensionChoice {
  readonly extensionId: string;
  readonly chosen: Candidate;
  /** Every extension node for this ExtensionId, newest first. */
  readonly candidates: readonly Candidate[];
  readonly installed: InstalledExtension | null;
  readonly verdict: Verdict;
}

export type OfferCategory = 'recommended' | 'other';

/** A package that applies to a node: it beats what is installed there. */
export interface Offer {
  readonly packageId: string;
  readonly instanceId: string;
  readonly category: OfferCategory;
  readonly reason: string;
}

export interface NodeEvaluation {
  readonly instanceId: string;
  /** Base drivers and firmware, best first. */
  readonly candidates: readonly Candidate[];
  readonly excluded: readonly Exclusion[];
  /** The best automatic candidate: what a scheduled Windows Update scan would pick. */
  readonly winner: Candidate | null;
  readonly installed: InstalledState | null;
  /** Whether the winner beats the installed driver. */
  readonly verdict: Verdict;
  readonly extensions: readonly ExtensionChoice[];
  readonly offers: readonly Offer[];
}

export interface ConfigurationEvaluation {
  readonly nodes: readonly NodeEvaluation[];
  /** One entry per package and node, ordered by package then node. */
  readonly offers: readonly Offer[];
}
