// The applicability engine: how Windows ranks and picks drivers, over catalog rows and device
// reports. Pure: no I/O, no clock, no logging.
export { buildCatalogIndex, type CatalogIndex } from './catalog-index.js';
export {
  evaluateNode,
  evaluateResolvedNode,
  resolveContext,
  type EvaluationContext,
} from './evaluate-node.js';
export {
  configurationKey,
  createNodeEvaluationCache,
  evaluateConfiguration,
  type Configuration,
  type NodeEvaluationCache,
} from './evaluate-configuration.js';
export { summarizeFleet, type PackageSummary, type WeightedEvaluation } from './summarize-fleet.js';
export {
  summarizeKeyedFleet,
  type KeyedConfiguration,
  type KeyedNode,
} from './summarize-keyed-fleet.js';
export {
  composeRank,
  describeMatchType,
  formatRank,
  parseRank,
  rankParts,
  signatureKindOf,
  signatureScore,
  type MatchType,
  type RankParts,
  type SignatureKind,
} from './rank.js';
export { compareDriverOrder, compareVersions } from './driver-order.js';
export { chooseDecoration, formatDecoration, osTargetOf, type OsTarget } from './platform.js';
export { formatNodeEvaluation } from './format-evaluation.js';
export type * from './types.js';
