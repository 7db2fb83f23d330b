// Folds configuration evaluations into per-package counts for the driver inventory. Work follows
// the number of distinct configurations; each one carries how many devices share it.
import type { ConfigurationEvaluation } from './types.js';

export interface WeightedEvaluation {
  readonly evaluation: ConfigurationEvaluation;
  readonly deviceCount: number;
}

export interface PackageSummary {
  readonly packageId: string;
  /** Devices for which this exact package applies, each counted once however many nodes need it. */
  readonly applicableDeviceCount: number;
  /** Devices on which it is the recommended driver for at least one node. */
  readonly recommendedDeviceCount: number;
  readonly recommended: boolean;
}

export function summarizeFleet(
  configurations: Iterable<WeightedEvaluation>,
): readonly PackageSummary[] {
  const totals = new Map<string, { applicable: number; recommended: number }>();

  for (const { evaluation, deviceCount } of configurations) {
    const applicable = new Set<string>();
    const recommended = new Set<string>();
    for (const offer of evaluation.offers) {
      applicable.add(offer.packageId);
      if (offer.category === 'recommended') recommended.add(offer.packageId);
    }

    for (const packageId of applicable) {
      const total = totals.get(packageId) ?? { applicable: 0, recommended: 0 };
      total.applicable += deviceCount;
      if (recommended.has(packageId)) total.recommended += deviceCount;
      totals.set(packageId, total);
    }
  }

  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([packageId, total]) => ({
      packageId,
      applicableDeviceCount: total.applicable,
      recommendedDeviceCount: total.recommended,
      recommended: total.recommended > 0,
    }));
}
