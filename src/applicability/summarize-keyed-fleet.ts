// The fleet's driver counts from content-addressed configurations. A node's candidates are
// collected and ranked once per (ID lists, catalog rows its machine contexts admit): the models
// section chosen for the OS and the CHID-targeted packages. Each distinct node, found by the key
// the store gave it, then has its installed drivers judged against that ranking once. Each
// configuration folds its nodes' offers, weighted by the devices sharing it. The result is what
// summarizeFleet gives over evaluateConfiguration of every configuration.
import type { DeviceNode, ReportedOs } from '../fleet/report-types.js';
import {
  admissionSignature,
  nodeRowsOf,
  type AdmissionSignature,
  type NodeRows,
  type PackageTargets,
} from './admission-signature.js';
import type { CatalogIndex, DecorationFits } from './catalog-index.js';
import { collectAdmitted, type ResolvedContext } from './collect-candidates.js';
import { resolveContext } from './evaluate-node.js';
import { offeredPackages } from './judge-node.js';
import { rankCandidates, type RankedCandidates } from './rank-candidates.js';
import type { PackageSummary } from './summarize-fleet.js';

/** A device node without its instance ID, which differs between identical machines. */
export type KeyedNode = Omit<DeviceNode, 'instanceId'>;

export interface KeyedConfiguration {
  readonly os: ReportedOs;
  readonly computerHardwareIds: readonly string[];
  readonly nodes: readonly KeyedNode[];
  /** One content address per node, in the same order: equal keys promise equal nodes. */
  readonly nodeKeys: readonly string[];
  readonly deviceCount: number;
}

interface Tally {
  readonly packageId: string;
  applicable: number;
  recommended: number;
  // The last configuration counted, so a package offered to several nodes counts once.
  countedFor: number;
  recommendedFor: number;
}

interface TalliedOffer {
  readonly tally: Tally;
  readonly recommended: boolean;
}

interface EvaluatedContext {
  readonly context: ResolvedContext;
  readonly fitsByRow: DecorationFits;
  // By node object: callers that share one object per distinct node skip hashing its key.
  readonly offersByNode: Map<KeyedNode, readonly TalliedOffer[]>;
}

/** What nodes with the same hardware and compatible ID lists share, whatever they installed. */
interface RankedLists {
  readonly rows: NodeRows;
  readonly rankingBySignature: Map<AdmissionSignature, RankedCandidates>;
  /** Without CHID-targeted rows the OS is all that can differ; null when it admits no row. */
  readonly rankingByOs: Map<DecorationFits, RankedCandidates | null>;
}

interface EvaluatedNode {
  readonly lists: RankedLists;
  readonly offersByRanking: Map<RankedCandidates, readonly TalliedOffer[]>;
}

const noOffers: readonly TalliedOffer[] = [];

export function summarizeKeyedFleet(
  configurations: Iterable<KeyedConfiguration>,
  index: CatalogIndex,
): readonly PackageSummary[] {
  const tallies = new Map<string, Tally>();
  const contexts = new Map<string, EvaluatedContext>();
  const evaluatedNodes = new Map<string, EvaluatedNode>();
  const rankedLists = new Map<string, RankedLists>();
  const fitsByOs = new Map<string, DecorationFits>();
  const targetsByPackage: PackageTargets = new Map();
  const listsOf = (node: KeyedNode): RankedLists => {
    const key = `${node.hardwareIds.join('\u0000')}\u0001${node.compatibleIds.join('\u0000')}`;
    let lists = rankedLists.get(key);
    if (lists === undefined) {
      const rows = nodeRowsOf(node, index, targetsByPackage);
      lists = { rows, rankingBySignature: new Map(), rankingByOs: new Map() };
      rankedLists.set(key, lists);
    }

    return lists;
  };
  const offersOf = (key: string, node: KeyedNode, evaluatedContext: EvaluatedContext) => {
    let evaluated = evaluatedNodes.get(key);
    if (evaluated === undefined) {
      evaluated = { lists: listsOf(node), offersByRanking: new Map() };
      evaluatedNodes.set(key, evaluated);
    }

    const ranked = rankingOf(node, evaluated.lists, evaluatedContext, index);
    if (ranked === null) return noOffers;

    let offers = evaluated.offersByRanking.get(ranked);
    if (offers === undefined) {
      offers = talliedOffers(node, ranked, tallies);
      evaluated.offersByRanking.set(ranked, offers);
    }

    return offers;
  };
  let ordinal = 0;

  for (const configuration of configurations) {
    ordinal += 1;
    const evaluated = contextOf(configuration, contexts, fitsByOs);
    const { nodes, nodeKeys, deviceCount } = configuration;

    for (let position = 0; position < nodes.length; position += 1) {
      const node = nodes[position]!;
      let offers = evaluated.offersByNode.get(node);
      if (offers === undefined) {
        offers = offersOf(nodeKeys[position]!, node, evaluated);
        evaluated.offersByNode.set(node, offers);
      }

      for (const { tally, recommended } of offers) {
        if (tally.countedFor !== ordinal) {
          tally.countedFor = ordinal;
          tally.applicable += deviceCount;
        }
        if (recommended && tally.recommendedFor !== ordinal) {
          tally.recommendedFor = ordinal;
          tally.recommended += deviceCount;
        }
      }
    }
  }

  return [...tallies.values()]
    .filter((tally) => tally.applicable > 0)
    .sort((a, b) => compareText(a.packageId, b.packageId))
    .map((tally) => ({
      packageId: tally.packageId,
      applicableDeviceCount: tally.applicable,
      recommendedDeviceCount: tally.recommended,
      recommended: tally.recommended > 0,
    }));
}

/** The node's ranked candidates here, shared by every context that admits the same rows. */
function rankingOf(
  node: KeyedNode,
  lists: RankedLists,
  { context, fitsByRow }: EvaluatedContext,
  index: CatalogIndex,
): RankedCandidates | null {
  const { rows, rankingBySignature, rankingByOs } = lists;
  if (!rows.targeted) {
    const known = rankingByOs.get(fitsByRow);
    if (known !== undefined) return known;
  }

  const signature = admissionSignature(rows, context, index, fitsByRow);
  let ranked: RankedCandidates | null = null;
  if (signature !== null) {
    ranked = rankingBySignature.get(signature) ?? null;
    if (ranked === null) {
      ranked = rankCandidates(collectAdmitted(node, context, index, fitsByRow));
      rankingBySignature.set(signature, ranked);
    }
  }

  if (!rows.targeted) rankingByOs.set(fitsByRow, ranked);

  return ranked;
}

function contextOf(
  configuration: KeyedConfiguration,
  contexts: Map<string, EvaluatedContext>,
  fitsByOs: Map<string, DecorationFits>,
): EvaluatedContext {
  const { os, computerHardwareIds } = configuration;
  const key = [os.version, os.architecture, ...computerHardwareIds].join('\u0000');
  const known = contexts.get(key);
  if (known !== undefined) return known;

  const context = resolveContext({ os, chids: computerHardwareIds });
  const target = context.os;
  const osKey = [
    target.architecture,
    target.major,
    target.minor,
    target.build,
    target.productType,
  ].join('.');
  let fitsByRow = fitsByOs.get(osKey);
  if (fitsByRow === undefined) {
    fitsByRow = new Map();
    fitsByOs.set(osKey, fitsByRow);
  }
  const evaluated = {
    context,
    fitsByRow,
    offersByNode: new Map<KeyedNode, readonly TalliedOffer[]>(),
  };
  contexts.set(key, evaluated);

  return evaluated;
}

function talliedOffers(
  node: KeyedNode,
  ranked: RankedCandidates,
  tallies: Map<string, Tally>,
): readonly TalliedOffer[] {
  return offeredPackages(node, ranked).map((offer) => {
    const { packageId } = offer;
    let tally = tallies.get(packageId);
    if (tally === undefined) {
      tally = { packageId, applicable: 0, recommended: 0, countedFor: 0, recommendedFor: 0 };
      tallies.set(packageId, tally);
    }

    return { tally, recommended: offer.category === 'recommended' };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
