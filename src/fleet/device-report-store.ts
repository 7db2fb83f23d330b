// Stores a validated device report: the device points at its content-addressed configuration,
// which lists its content-addressed nodes.
// A report replaces the previous one as a whole; an older one never overwrites a newer one.
// Callers run this inside a transaction so the replace is atomic.
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/store.js';
import { configurationOf } from './configuration-of.js';
import { saveAddressedConfiguration } from './configuration-repo.js';
import { dropUnusedConfiguration, findDeviceByDeviceId, insertDevice } from './fleet-repo.js';
import type { DeviceReport } from './report-types.js';

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
}

export async function storeReport(
  db: Db,
  tenantId: string,
  report: DeviceReport,
  context: ReportContext,
): Promise<ReportOutcome> {
  const { now, rowLocks } = context;
  const addressed = configurationOf(report);
  const { key } = addressed;
  const reportedAt = new Date(report.reportedDateTime).toISOString();
  const fromReport = {
    display_name: report.deviceName,
    operating_system: 'Windows',
    operating_system_version: report.os.version,
    approximate_last_sign_in_at: reportedAt,
    configuration_key: key,
    reported_at: reportedAt,
  };
  const save = () => saveAddressedConfiguration(db, tenantId, addressed, now, rowLocks);

  const objectId = randomUUID();
  const registered = await insertDevice(db, {
    tenant_id: tenantId,
    id: objectId,
    device_id: report.deviceId,
    created_at: now.toISOString(),
    ...fromReport,
  });
  if (registered) {
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
