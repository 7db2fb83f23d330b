// The whole story for one device node: the driver nodes Windows would build from the catalog, the
// one a scheduled Windows Update scan would pick, whether it beats what is installed, the
// extension chosen per ExtensionId, and the packages that apply.
import type { ReportedOs, DeviceNode, InstalledExtension } from '../fleet/report-types.js';
import type { CatalogIndex } from './catalog-index.js';
import { collectCandidates, type ResolvedContext } from './collect-candidates.js';
import { compareDriverOrder, compareNewest } from './driver-order.js';
import { installedStateOf, verdictAgainst } from './installed-driver.js';
import { osTargetOf, WORKSTATION_PRODUCT_TYPE } from './platform.js';
import type {
  Candidate,
  ExtensionChoice,
  InstalledState,
  NodeEvaluation,
  Offer,
  Verdict,
} from './types.js';

export interface EvaluationContext {
  readonly os: ReportedOs;
  readonly chids: readonly string[];
  /** 1 for workstations, which is what device reports describe; servers are 3. */
  readonly productType?: number;
}

export function resolveContext(context: EvaluationContext): ResolvedContext {
  const os = osTargetOf(context.os, context.productType ?? WORKSTATION_PRODUCT_TYPE);
  if (os === null) throw new RangeError(`unreadable OS version "${context.os.version}"`);

  return { os, chids: new Set(context.chids.map((chid) => chid.toUpperCase())) };
}

export function evaluateNode(
  node: DeviceNode,
  context: EvaluationContext,
  index: CatalogIndex,
): NodeEvaluation {
  return evaluateResolvedNode(node, resolveContext(context), index);
}

export function evaluateResolvedNode(
  node: DeviceNode,
  context: ResolvedContext,
  index: CatalogIndex,
): NodeEvaluation {
  const { candidates, excluded } = collectCandidates(node, context, index);
  const base = candidates.filter((entry) => entry.role !== 'extension').sort(compareCandidates);
  const winner = base.find((entry) => entry.publishing === 'automatic') ?? null;
  const installed = installedStateOf(node);
  const verdict: Verdict =
    winner === null
      ? { kind: 'no-update', reason: 'no automatic driver in the catalog matches this device' }
      : verdictAgainst(winner, installed);
  const extensions = chooseExtensions(candidates, node.extensionDrivers);

  return {
    instanceId: node.instanceId,
    candidates: base,
    excluded: [...excluded].sort(compareExclusions),
    winner,
    installed,
    verdict,
    extensions,
    offers: offersOf(node.instanceId, base, winner, installed, extensions),
  };
}

/** Rank, date, version, then stable identity so equal drivers come out in one order. */
function compareCandidates(a: Candidate, b: Candidate): number {
  const order = compareDriverOrder(a, b);
  if (order !== 0) return order;

  return compareText(identity(a), identity(b));
}

function identity(entry: Candidate): string {
  return [entry.packageId, entry.infId, entry.installSection, entry.decoration].join('\u0000');
}

function compareExclusions(a: NodeEvaluation['excluded'][number], b: typeof a): number {
  const left = [a.packageId, a.infId, a.deviceId, a.installSection, a.decoration].join('\u0000');
  const right = [b.packageId, b.infId, b.deviceId, b.installSection, b.decoration].join('\u0000');

  return compareText(left, right);
}

function chooseExtensions(
  candidates: readonly Candidate[],
  installedExtensions: readonly InstalledExtension[],
): ExtensionChoice[] {
  const byId = new Map<string, Candidate[]>();
  for (const entry of candidates) {
    if (entry.role !== 'extension' || entry.extensionId === null) continue;
    const key = normalizeGuid(entry.extensionId);
    byId.set(key, [...(byId.get(key) ?? []), entry]);
  }

  const choices: ExtensionChoice[] = [];
  for (const [extensionId, group] of [...byId].sort(([a], [b]) => compareText(a, b))) {
    // Rank plays no part between extensions: the newest one for the ExtensionId wins.
    const sorted = group.sort((a, b) => compareNewest(a, b) || compareCandidates(a, b));
    const chosen = sorted[0];
    if (chosen === undefined) continue;
    const installed =
      installedExtensions.find((entry) => normalizeGuid(entry.extensionId) === extensionId) ?? null;
    choices.push({
      extensionId,
      chosen,
      candidates: sorted,
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
  base: readonly Candidate[],
  winner: Candidate | null,
  installed: InstalledState | null,
  extensions: readonly ExtensionChoice[],
): Offer[] {
  const offers = new Map<string, Offer>();
  const offer = (packageId: string, category: Offer['category'], reason: string): void => {
    if (!offers.has(packageId)) offers.set(packageId, { packageId, instanceId, category, reason });
  };

  // `base` is best first, so the first node seen per package is that package's best.
  const seen = new Set<string>();
  for (const entry of base) {
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

function normalizeGuid(guid: string): string {
  const bare = guid.trim().replace(/^\{|\}$/g, '');

  return `{${bare.toUpperCase()}}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
