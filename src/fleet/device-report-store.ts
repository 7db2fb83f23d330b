// Stores a validated device report: the device points at its content-addressed configuration,
// which lists its content-addressed nodes.
// A report replaces the previous one as a whole; an older one never overwrites a newer one.
// Callers run this inside a transaction so the replace is atomic.
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/store.js';
import {
  configurationOf,
  type AddressedConfiguration,
  type NodeKeyMemo,
} from './configuration-of.js';
import { saveAddressedConfiguration } from './configuration-repo.js';
import { dropUnusedConfiguration, findDeviceByDeviceId, insertDevice } from './fleet-repo.js';
import type { DeviceReport } from './report-types.js';
import { searchTokenColumn } from '../graph/odata/search-tokens.js';

export type ReportOutcome =
  | {
      readonly kind: 'stored';
      readonly objectId: string;
      readonly configurationKey: string;
      readonly registered: boolean;
    }
  /** The same report (same time, same content) was stored before. */
  | { readonly kind: 'unchanged'; readonly objectId: string; readonly configurationKey: string }
  /** A newer report is stored. */
  | { readonly kind: 'stale'; readonly storedReportedAt: string }
  /** A report of the same time but other content is stored; the first one stands. */
  | { readonly kind: 'conflicting'; readonly storedReportedAt: string };

export interface ReportContext {
  readonly now: Date;
  /** The store's supportsRowLocks: configurations shared by devices are locked, not raced. */
  readonly rowLocks: boolean;
  /** Shared by the reports of one transaction, so that what they have in common is done once. */
  readonly shared?: SharedImportState;
}

export interface SharedImportState {
  readonly nodeKeys: NodeKeyMemo;
  /**
   * Configurations saved earlier in this transaction. They are held (with row locks) until
   * commit, so saving one again would only repeat a look-up; one this transaction may have
   * dropped since is taken out again.
   */
  readonly savedConfigurations: Set<string>;
}

// Rows of one multi-row insert: ten columns each, well within every backend's parameter limit.
const devicesPerInsert = 500;

export async function storeReport(
  db: Db,
  tenantId: string,
  report: DeviceReport,
  context: ReportContext,
): Promise<ReportOutcome> {
  return storeAddressed(db, tenantId, report, configurationOf(report, context.shared?.nodeKeys), {
    ...context,
    insert: 'pending',
  });
}

/**
 * Stores reports in their order with the outcomes storeReport would give one by one. Devices
 * seen for the first time go in with one statement per few hundred; a device that is known
 * already, or reported more than once among `reports`, takes the one-by-one path.
 */
export async function storeReports(
  db: Db,
  tenantId: string,
  reports: readonly DeviceReport[],
  context: ReportContext,
): Promise<ReportOutcome[]> {
  const addressed = reports.map((report) => configurationOf(report, context.shared?.nodeKeys));
  const occurrences = new Map<string, number>();
  for (const { deviceId } of reports) {
    occurrences.set(deviceId, (occurrences.get(deviceId) ?? 0) + 1);
  }
  const rows = reports.flatMap((report, index) =>
    occurrences.get(report.deviceId) === 1
      ? [newDeviceRow(tenantId, report, addressed[index]!.key, context.now)]
      : [],
  );
  const inserted = new Set<string>();

  for (let start = 0; start < rows.length; start += devicesPerInsert) {
    const went = await db
      .insertInto('devices')
      .values(rows.slice(start, start + devicesPerInsert))
      .onConflict((oc) => oc.columns(['tenant_id', 'device_id']).doNothing())
      .returning('id')
      .execute();
    for (const { id } of went) inserted.add(id);
  }

  const outcomes: ReportOutcome[] = [];
  const rowOf = new Map(rows.map((row) => [row.device_id, row]));
  for (const [index, report] of reports.entries()) {
    const row = rowOf.get(report.deviceId);
    const insert: DeviceInsert =
      row === undefined ? 'pending' : inserted.has(row.id) ? { objectId: row.id } : 'refused';
    outcomes.push(
      await storeAddressed(db, tenantId, report, addressed[index]!, { ...context, insert }),
    );
  }

  return outcomes;
}

function newDeviceRow(tenantId: string, report: DeviceReport, key: string, now: Date) {
  return {
    tenant_id: tenantId,
    id: randomUUID(),
    device_id: report.deviceId,
    created_at: now.toISOString(),
    ...fromReportOf(report, key),
  };
}

function fromReportOf(report: DeviceReport, key: string) {
  const reportedAt = new Date(report.reportedDateTime).toISOString();

  return {
    display_name: report.deviceName,
    search_display_name: searchTokenColumn(report.deviceName),
    operating_system: 'Windows',
    operating_system_version: report.os.version,
    approximate_last_sign_in_at: reportedAt,
    configuration_key: key,
    reported_at: reportedAt,
  };
}

/** Whether the report's device row is still to be inserted, or how inserting it went. */
type DeviceInsert = 'pending' | 'refused' | { readonly objectId: string };

async function registerDevice(
  db: Db,
  tenantId: string,
  report: DeviceReport,
  key: string,
  now: Date,
): Promise<string | undefined> {
  const row = newDeviceRow(tenantId, report, key, now);

  return (await insertDevice(db, row)) ? row.id : undefined;
}

async function storeAddressed(
  db: Db,
  tenantId: string,
  report: DeviceReport,
  addressed: AddressedConfiguration,
  context: ReportContext & { readonly insert: DeviceInsert },
): Promise<ReportOutcome> {
  const { now, rowLocks, shared, insert } = context;
  const { key } = addressed;
  const fromReport = fromReportOf(report, key);
  const reportedAt = fromReport.reported_at;
  const save = async () => {
    if (shared?.savedConfigurations.has(key)) return;

    await saveAddressedConfiguration(db, tenantId, addressed, now, rowLocks);
    shared?.savedConfigurations.add(key);
  };

  const objectId =
    insert === 'pending'
      ? await registerDevice(db, tenantId, report, key, now)
      : insert === 'refused'
        ? undefined
        : insert.objectId;
  if (objectId !== undefined) {
    await save();

    return { kind: 'stored', objectId, configurationKey: key, registered: true };
  }

  const current = await findDeviceByDeviceId(db, tenantId, report.deviceId);
  if (!current) throw new Error('a device that blocked an insert has vanished');

  // Compare-and-set on reported_at: concurrent writers on a shared database cannot both win.
  const updated = await db
    .updateTable('devices')
    .set(fromReport)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', current.id)
    .where((eb) => eb.or([eb('reported_at', 'is', null), eb('reported_at', '<', reportedAt)]))
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) {
    await save();
    if (current.configuration_key !== null && current.configuration_key !== key) {
      shared?.savedConfigurations.delete(current.configuration_key);
      await dropUnusedConfiguration(db, tenantId, current.configuration_key, rowLocks);
    }

    return { kind: 'stored', objectId: current.id, configurationKey: key, registered: false };
  }

  return settledOutcome(db, tenantId, report.deviceId, reportedAt, key);
}

async function settledOutcome(
  db: Db,
  tenantId: string,
  deviceId: string,
  reportedAt: string,
  key: string,
): Promise<ReportOutcome> {
  const stored = await findDeviceByDeviceId(db, tenantId, deviceId);
  const storedReportedAt = stored?.reported_at ?? '';
  if (!stored || storedReportedAt > reportedAt) return { kind: 'stale', storedReportedAt };
  if (stored.configuration_key !== key) return { kind: 'conflicting', storedReportedAt };

  return { kind: 'unchanged', objectId: stored.id, configurationKey: key };
}
