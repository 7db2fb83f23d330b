// A demo tenant's fleet: generated machines with their reports, the Pilot and Broad groups,
// and a catalog of generated driver packages that match the machines' hardware.
//
// Reports stream from the generator in batches: a transaction stores a batch's reports, the next
// one its group memberships, so a fleet of a million machines never sits in memory whole. A seed
// that fails part way leaves the batches before the failure in place; `import devices` is the
// all-or-nothing path for reports that matter.
import { createHash } from 'node:crypto';
import { normaliseChid } from '../catalog/chid.js';
import type { PackageCandidate } from '../catalog/group-package-files.js';
import { emptyReport, importPackages, type ImportReport } from '../catalog/import-packages.js';
import { DeviceReportService, type NumberedReport } from '../fleet/device-report-service.js';
import { createFleet, type GeneratedPackage } from '../fleet/generator/index.js';
import { addMembers } from '../fleet/group-repo.js';
import { GroupService } from '../fleet/group-service.js';
import type { Db, Store } from '../store/store.js';

export interface DemoFleetOptions {
  readonly devices: number;
  readonly models: number;
  readonly seed: number;
  readonly catalogPackages: number;
  /** Text of a pci.ids file, for real chipset and filler hardware IDs. */
  readonly pciIds?: string;
  /** Text of a usb.ids file, for real keyboard and mouse IDs. */
  readonly usbIds?: string;
  /** The moment reports and releases are dated against; the clock's time when absent. */
  readonly asOf?: Date;
}

export interface DemoFleet {
  readonly devices: number;
  readonly configurations: number;
  readonly pilotGroupId: string;
  readonly broadGroupId: string;
  readonly pilotDevices: number;
  readonly catalog: ImportReport;
}

export interface SeedProgress {
  readonly stage: 'reports' | 'catalog';
  readonly done: number;
  readonly total: number;
}

export type SeedProgressListener = (progress: SeedProgress) => void;

export const demoFleetOptions: DemoFleetOptions = {
  devices: 200,
  models: 12,
  seed: 1,
  catalogPackages: 60,
};

// Large enough that commits cost little next to the reports, small enough to stay a few MB.
const reportsPerBatch = 2000;

export async function seedDemoFleet(
  store: Store,
  tenantId: string,
  clock: () => Date,
  options: DemoFleetOptions = demoFleetOptions,
  onProgress: SeedProgressListener = () => {},
): Promise<DemoFleet> {
  const now = clock();
  const fleet = createFleet({ ...options, now: options.asOf ?? now });
  const groups = new GroupService({ store, clock });
  const pilot = await groups.create(tenantId, {
    displayName: 'Pilot',
    description: 'Machines that get driver updates first.',
    mailNickname: 'pilot',
  });
  const broad = await groups.create(tenantId, {
    displayName: 'Broad',
    description: 'Every other machine, once the pilot has gone well.',
    mailNickname: 'broad',
  });
  // Device ids, unlike reports, are small enough to hold for the whole fleet; one in twenty.
  const pilotIds = new Set(fleet.groups.pilot);
  const seeding: ReportSeeding = {
    store,
    tenantId,
    reports: new DeviceReportService({ store, clock }),
    groupIdOf: (deviceId) => (pilotIds.has(deviceId) ? pilot.id : broad.id),
    onProgress: (done) => onProgress({ stage: 'reports', done, total: options.devices }),
  };

  let batch: NumberedReport[] = [];
  let line = 0;
  for (const report of fleet.reports()) {
    line += 1;
    batch.push({ line, report });
    if (batch.length === reportsPerBatch) {
      await storeBatch(seeding, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await storeBatch(seeding, batch);

  return {
    devices: options.devices,
    configurations: await countConfigurations(store.db, tenantId),
    pilotGroupId: pilot.id,
    broadGroupId: broad.id,
    pilotDevices: pilotIds.size,
    catalog: await importCatalog(store, tenantId, fleet.catalog, now, onProgress),
  };
}

interface ReportSeeding {
  readonly store: Store;
  readonly tenantId: string;
  readonly reports: DeviceReportService;
  readonly groupIdOf: (deviceId: string) => string;
  readonly onProgress: (done: number) => void;
}

/** Stores one batch of reports, then puts the batch's devices in their groups. */
async function storeBatch(seeding: ReportSeeding, batch: readonly NumberedReport[]) {
  const { store, tenantId } = seeding;
  const before = (batch[0]?.line ?? 1) - 1;

  await seeding.reports.importAll(tenantId, batch, (done) => seeding.onProgress(before + done));
  await store.transaction(async (tx) => {
    const objectIds = await objectIdsOf(tx, tenantId, batch);
    const members = new Map<string, { id: string; type: 'device' }[]>();
    for (const { report } of batch) {
      const id = objectIds.get(report.deviceId);
      if (id === undefined) throw new Error(`device ${report.deviceId} was not stored`);
      const groupId = seeding.groupIdOf(report.deviceId);
      const devices = members.get(groupId) ?? [];
      devices.push({ id, type: 'device' });
      members.set(groupId, devices);
    }

    for (const [groupId, devices] of members) await addMembers(tx, tenantId, groupId, devices);
  });
}

async function objectIdsOf(
  db: Db,
  tenantId: string,
  batch: readonly NumberedReport[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'device_id'])
    .where('tenant_id', '=', tenantId)
    .where(
      'device_id',
      'in',
      batch.map(({ report }) => report.deviceId),
    )
    .execute();

  return new Map(rows.map((row) => [row.device_id, row.id]));
}

async function countConfigurations(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.count<number | string>('configuration_key').distinct().as('count'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();

  return Number(row.count);
}

/** Packages differ in publishing and CHIDs, which the import takes per call: one per kind. */
async function importCatalog(
  store: Store,
  tenantId: string,
  catalog: readonly GeneratedPackage[],
  now: Date,
  onProgress: SeedProgressListener,
): Promise<ImportReport> {
  const batches = new Map<string, GeneratedPackage[]>();
  for (const pkg of catalog) {
    const key = JSON.stringify([pkg.publishing, pkg.chids]);
    batches.set(key, [...(batches.get(key) ?? []), pkg]);
  }

  const report = emptyReport();
  let before = 0;
  for (const packages of batches.values()) {
    const { publishing } = packages[0]!;
    const chids = packages[0]!.chids.map((chid) => normaliseChid(chid) ?? chid);
    const offset = before;
    await importPackages(
      store,
      tenantId,
      packages.map(candidateOf),
      {
        publishing,
        chids,
        templateArchitectures: ['amd64'],
        now,
        onProgress: ({ done }) =>
          onProgress({ stage: 'catalog', done: offset + done, total: catalog.length }),
      },
      report,
    );
    before += packages.length;
  }

  return report;
}

// The generator writes INF text and names the files beside it; their bytes stand in for the
// catalog and payload a real package would ship, distinct per package so ids stay distinct.
function candidateOf(pkg: GeneratedPackage): PackageCandidate {
  const source = (name: string, text: string) => ({
    path: `${pkg.directory}/${name}`,
    read: async () => new TextEncoder().encode(text),
  });
  const filler = (name: string) =>
    createHash('sha256').update(`${pkg.directory}/${name}`).digest('hex');

  return {
    inf: source(pkg.infName, pkg.text),
    siblings: pkg.files.map((name) => source(name, filler(name))),
  };
}
