// Receiving device reports: one at a time from devices over HTTP, or a whole file at once from
// `import devices`, where every line lands or none does.
import type { Store } from '../store/store.js';
import { NodeKeyMemo } from './configuration-of.js';
import { storeReport, storeReports, type ReportOutcome } from './device-report-store.js';
import type { DeviceReport } from './report-types.js';

// Reports addressed and written together; their configurations are held in memory meanwhile.
const reportsPerCall = 500;

export interface NumberedReport {
  readonly line: number;
  readonly report: DeviceReport;
}

export interface ImportSummary {
  readonly stored: number;
  readonly registered: number;
  readonly unchanged: number;
  /** Lines a stored report of the same device outranks (newer, or same time and first). */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
  /** Distinct hardware configurations among the stored and unchanged reports. */
  readonly configurations: number;
}

export class DeviceReportService {
  constructor(private readonly deps: { readonly store: Store; readonly clock: () => Date }) {}

  private get rowLocks(): boolean {
    return this.deps.store.capabilities.supportsRowLocks;
  }

  async receive(tenantId: string, report: DeviceReport): Promise<ReportOutcome> {
    const context = { now: this.deps.clock(), rowLocks: this.rowLocks };

    return this.deps.store.transaction((tx) => storeReport(tx, tenantId, report, context));
  }

  /** Stores every report in one transaction; a thrown error leaves the store as it was. */
  async importAll(
    tenantId: string,
    reports: readonly NumberedReport[],
    onProgress: (done: number) => void = () => {},
  ): Promise<ImportSummary> {
    const now = this.deps.clock();
    const nodeKeys = new NodeKeyMemo();
    const skipped: { line: number; reason: string }[] = [];
    const keys = new Set<string>();
    let stored = 0;
    let registered = 0;
    let unchanged = 0;

    await this.deps.store.transaction(async (tx) => {
      // Belongs to the transaction: what a rolled-back one saved is gone.
      const shared = { nodeKeys, savedConfigurations: new Set<string>() };
      const context = { now, rowLocks: this.rowLocks, shared };

      for (let start = 0; start < reports.length; start += reportsPerCall) {
        const slice = reports.slice(start, start + reportsPerCall);
        const outcomes = await storeReports(
          tx,
          tenantId,
          slice.map(({ report }) => report),
          context,
        );

        for (const [offset, outcome] of outcomes.entries()) {
          const { line, report } = slice[offset]!;
          if (outcome.kind === 'stored' || outcome.kind === 'unchanged') {
            keys.add(outcome.configurationKey);
          }
          if (outcome.kind === 'stored') stored++;
          if (outcome.kind === 'stored' && outcome.registered) registered++;
          if (outcome.kind === 'unchanged') unchanged++;
          if (outcome.kind === 'stale' || outcome.kind === 'conflicting') {
            skipped.push({ line, reason: skipReason(report, outcome) });
          }
        }
        onProgress(start + slice.length);
      }
    });

    return { stored, registered, unchanged, skipped, configurations: keys.size };
  }
}

export function skipReason(
  report: DeviceReport,
  outcome: Extract<ReportOutcome, { kind: 'stale' | 'conflicting' }>,
): string {
  return outcome.kind === 'stale'
    ? `device ${report.deviceId} has a newer report (${outcome.storedReportedAt}) stored`
    : `device ${report.deviceId} has another report of the same time ` +
        `(${outcome.storedReportedAt}) stored`;
}
