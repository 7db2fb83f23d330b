// A demo tenant's fleet: generated machines with their reports, the Pilot and Broad groups,
// and a catalog of generated driver packages that match the machines' hardware.
//
// Reports stream from the generator in batches, each stored in a transaction of its own with its
// group memberships, so a fleet of a million machines never sits in memory whole. A seed that
// fails part way leaves the batches before it in place; `import devices` is the all-or-nothing
// path for reports that matter.
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
  // About one machine in twenty: a set this size is small next to the reports it classifies.
  const pilotIds = new Set(fleet.groups.pilot);
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
  const reports = new DeviceReportService({ store, clock });
  const storeBatch = async (batch: readonly NumberedReport[]) => {
    await reports.importAll(tenantId, batch);
    await store.transaction(async (tx) => {
      const objectIds = await objectIdsOf(tx, tenantId, batch);
      const members = (inPilot: boolean) =>
        batch
          .filter(({ report }) => pilotIds.has(report.deviceId) === inPilot)
          .map(({ report }) => ({
            id: objectIds.get(report.deviceId) ?? '',
            type: 'device' as const,
          }));
      await addMembers(tx, tenantId, pilot.id, members(true));
      await addMembers(tx, tenantId, broad.id, members(false));
    });
    onProgress({ stage: 'reports', done: batch.at(-1)?.line ?? 0, total: options.devices });
  };

  let batch: NumberedReport[] = [];
  let line = 0;
  for (const report of fleet.reports()) {
    line += 1;
    batch.push({ line, report });
    if (batch.length === reportsPerBatch) {
      await storeBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await storeBatch(batch);

  return {
    devices: options.devices,
    configurations: await countConfigurations(store.db, tenantId),
    pilotGroupId: pilot.id,
    broadGroupId: broad.id,
    pilotDevices: pilotIds.size,
    catalog: await importCatalog(store, tenantId, fleet.catalog, now, onProgress),
  };
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
