// The whole story for one device node: the driver nodes Windows would build from the catalog, the
// one a scheduled Windows Update scan would pick, whether it beats what is installed, the
// extension chosen per ExtensionId, and the packages that apply.
import type { ReportedOs, DeviceNode } from '../fleet/report-types.js';
import type { CatalogIndex } from './catalog-index.js';
import { collectCandidates, type ResolvedContext } from './collect-candidates.js';
import { judgeNode } from './judge-node.js';
import { osTargetOf, WORKSTATION_PRODUCT_TYPE } from './platform.js';
import { compareText, rankCandidates } from './rank-candidates.js';
import type { NodeEvaluation } from './types.js';

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
  const ranked = rankCandidates(candidates);
  const { installed, verdict, extensions, offers } = judgeNode(node, ranked);

  return {
    instanceId: node.instanceId,
    candidates: ranked.candidates,
    excluded: [...excluded].sort(compareExclusions),
    winner: ranked.winner,
    installed,
    verdict,
    extensions,
    offers,
  };
}

function compareExclusions(a: NodeEvaluation['excluded'][number], b: typeof a): number {
  const left = [a.packageId, a.infId, a.deviceId, a.installSection, a.decoration].join('\u0000');
  const right = [b.packageId, b.infId, b.deviceId, b.installSection, b.decoration].join('\u0000');

  return compareText(left, right);
}
