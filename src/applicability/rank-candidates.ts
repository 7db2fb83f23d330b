// The half of a node's evaluation that what is installed cannot change: the base driver nodes
// best first, the one a scheduled Windows Update scan would pick, and the extension nodes of each
// ExtensionId newest first. It depends only on the node's ID lists and the catalog rows its
// machine admits, so nodes that differ only in their drivers share one ranking.
import { compareDriverOrder, compareNewest } from './driver-order.js';
import type { Candidate } from './types.js';

export interface ExtensionGroup {
  readonly kind: 'extension-group';
  /** Upper-cased and braced, so spellings of one GUID meet. */
  readonly extensionId: string;
  /** Newest first: rank plays no part between extensions. */
  readonly candidates: readonly Candidate[];
}

export interface RankedCandidates {
  readonly kind: 'ranked';
  /** Base drivers and firmware, best first. */
  readonly candidates: readonly Candidate[];
  /** The best automatic candidate: what a scheduled Windows Update scan would pick. */
  readonly winner: Candidate | null;
  /** One group per ExtensionId, in ExtensionId order. */
  readonly extensions: readonly ExtensionGroup[];
}

export function rankCandidates(collected: readonly Candidate[]): RankedCandidates {
  const base = collected.filter((entry) => entry.role !== 'extension').sort(compareCandidates);
  const winner = base.find((entry) => entry.publishing === 'automatic') ?? null;

  return { kind: 'ranked', candidates: base, winner, extensions: groupExtensions(collected) };
}

/** Rank, date, version, then stable identity so equal drivers come out in one order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const order = compareDriverOrder(a, b);
  if (order !== 0) return order;

  return compareText(identity(a), identity(b));
}

export function normalizeGuid(guid: string): string {
  const bare = guid.trim().replace(/^\{|\}$/g, '');

  return `{${bare.toUpperCase()}}`;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupExtensions(collected: readonly Candidate[]): ExtensionGroup[] {
  const byId = new Map<string, Candidate[]>();
  for (const entry of collected) {
    if (entry.role !== 'extension' || entry.extensionId === null) continue;
    const key = normalizeGuid(entry.extensionId);
    const group = byId.get(key);
    if (group === undefined) byId.set(key, [entry]);
    else group.push(entry);
  }

  return [...byId]
    .sort(([a], [b]) => compareText(a, b))
    .map(([extensionId, group]) => ({
      kind: 'extension-group',
      extensionId,
      candidates: group.sort((a, b) => compareNewest(a, b) || compareCandidates(a, b)),
    }));
}

function identity(entry: Candidate): string {
  return [entry.packageId, entry.infId, entry.installSection, entry.decoration].join('\u0000');
}
