// One distinct hardware configuration (an OS, the machine's CHIDs and its device nodes) against
// the catalog. Fleets are mostly identical machines, so callers evaluate each configuration
// once and weigh it by its device count; identical nodes across configurations share one
// evaluation through the cache.
import { createHash } from 'node:crypto';
import type { DeviceReport } from '../fleet/report-types.js';
import type { CatalogIndex } from './catalog-index.js';
import type { ResolvedContext } from './collect-candidates.js';
import { evaluateResolvedNode, resolveContext } from './evaluate-node.js';
import type { ConfigurationEvaluation, NodeEvaluation } from './types.js';

export type Configuration = Pick<DeviceReport, 'os' | 'computerHardwareIds' | 'devices'>;

export interface NodeEvaluationCache {
  readonly entries: Map<string, NodeEvaluation>;
  readonly limit: number;
}

/** A cache is tied to one catalog index: build a new one whenever the catalog changes. */
export function createNodeEvaluationCache(limit = 50_000): NodeEvaluationCache {
  return { entries: new Map(), limit };
}

export function evaluateConfiguration(
  configuration: Configuration,
  index: CatalogIndex,
  cache: NodeEvaluationCache = createNodeEvaluationCache(),
): ConfigurationEvaluation {
  const context = resolveContext({
    os: configuration.os,
    chids: configuration.computerHardwareIds,
  });
  const contextKey = contextKeyOf(context);
  const nodes = configuration.devices
    .map((node) => {
      const key = `${contextKey}\u0001${nodeKey(node)}`;
      const cached = cache.entries.get(key);
      if (cached !== undefined) return withInstanceId(cached, node.instanceId);

      const evaluation = evaluateResolvedNode(node, context, index);
      if (cache.entries.size >= cache.limit) cache.entries.clear();
      cache.entries.set(key, evaluation);

      return evaluation;
    })
    .sort((a, b) => compareText(a.instanceId, b.instanceId));
  const offers = nodes
    .flatMap((node) => node.offers)
    .sort(
      (a, b) => compareText(a.packageId, b.packageId) || compareText(a.instanceId, b.instanceId),
    );

  return { nodes, offers };
}

/**
 * A content address for what the engine reads from a report: two reports with the same key get
 * the same offers. Instance IDs are left out (they differ between otherwise identical machines)
 * and the order of devices and CHIDs does not matter.
 */
export function configurationKey(configuration: Configuration): string {
  const chids = configuration.computerHardwareIds.map((chid) => chid.toUpperCase()).sort();
  const nodes = configuration.devices.map(nodeKey).sort();
  const text = JSON.stringify([
    configuration.os.version,
    configuration.os.architecture,
    chids,
    nodes,
  ]);

  return createHash('sha256').update(text).digest('hex');
}

function contextKeyOf(context: ResolvedContext): string {
  const { os } = context;

  return JSON.stringify([
    [os.architecture, os.major, os.minor, os.build, os.productType],
    [...context.chids].sort(),
  ]);
}

function nodeKey(node: Configuration['devices'][number]): string {
  const extensions = node.extensionDrivers
    .map((entry) => [entry.extensionId.toUpperCase(), entry.infName, entry.version, entry.date])
    .sort((a, b) => compareText(a.join('\u0000'), b.join('\u0000')));
  const installed = node.installedDriver;

  return JSON.stringify([
    node.hardwareIds,
    node.compatibleIds,
    installed === null
      ? null
      : [
          installed.infName,
          installed.provider,
          installed.version,
          installed.date,
          installed.matchingId,
          installed.rank,
        ],
    extensions,
  ]);
}

function withInstanceId(evaluation: NodeEvaluation, instanceId: string): NodeEvaluation {
  if (evaluation.instanceId === instanceId) return evaluation;

  return {
    ...evaluation,
    instanceId,
    offers: evaluation.offers.map((offer) => ({ ...offer, instanceId })),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
