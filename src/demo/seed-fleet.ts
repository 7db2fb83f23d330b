// The demo tenant's fleet: generated machines with their reports, the Pilot and Broad groups,
// and a catalog of generated driver packages that match the machines' hardware.
import { createHash } from 'node:crypto';
import { normaliseChid } from '../catalog/chid.js';
import type { PackageCandidate } from '../catalog/group-package-files.js';
import { emptyReport, importPackages, type ImportReport } from '../catalog/import-packages.js';
import { DeviceReportService } from '../fleet/device-report-service.js';
import { createFleet, type GeneratedPackage } from '../fleet/generator/index.js';
import { addMembers } from '../fleet/group-repo.js';
import { GroupService } from '../fleet/group-service.js';
import type { Db, Store } from '../store/store.js';

export interface DemoFleetOptions {
  readonly devices: number;
  readonly models: number;
  readonly seed: number;
  readonly catalogPackages: number;
}

export interface DemoFleet {
  readonly devices: number;
  readonly configurations: number;
  readonly pilotGroupId: string;
  readonly broadGroupId: string;
  readonly catalog: ImportReport;
}

export const demoFleetOptions: DemoFleetOptions = {
  devices: 200,
  models: 12,
  seed: 1,
  catalogPackages: 60,
};

export async function seedDemoFleet(
  store: Store,
  tenantId: string,
  clock: () => Date,
  options: DemoFleetOptions = demoFleetOptions,
): Promise<DemoFleet> {
  const now = clock();
  const fleet = createFleet({ ...options, now });
  const reports = [...fleet.reports()].map((report, index) => ({ line: index + 1, report }));
  const summary = await new DeviceReportService({ store, clock }).importAll(tenantId, reports);

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
  await store.transaction(async (tx) => {
    const objectIds = await objectIdsByDeviceId(tx, tenantId);
    const members = (deviceIds: readonly string[]) =>
      deviceIds.map((deviceId) => ({ id: objectIds.get(deviceId) ?? '', type: 'device' as const }));
    await addMembers(tx, tenantId, pilot.id, members(fleet.groups.pilot));
    await addMembers(tx, tenantId, broad.id, members(fleet.groups.broad));
  });

  return {
    devices: options.devices,
    configurations: summary.configurations,
    pilotGroupId: pilot.id,
    broadGroupId: broad.id,
    catalog: await importCatalog(store, tenantId, fleet.catalog, now),
  };
}

async function objectIdsByDeviceId(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'device_id'])
    .where('tenant_id', '=', tenantId)
    .execute();

  return new Map(rows.map((row) => [row.device_id, row.id]));
}

/** Packages differ in publishing and CHIDs, which the import takes per call: one per kind. */
async function importCatalog(
  store: Store,
  tenantId: string,
  catalog: readonly GeneratedPackage[],
  now: Date,
): Promise<ImportReport> {
  const batches = new Map<string, GeneratedPackage[]>();
  for (const pkg of catalog) {
    const key = JSON.stringify([pkg.publishing, pkg.chids]);
    batches.set(key, [...(batches.get(key) ?? []), pkg]);
  }

  const report = emptyReport();
  for (const packages of batches.values()) {
    const { publishing } = packages[0]!;
    const chids = packages[0]!.chids.map((chid) => normaliseChid(chid) ?? chid);
    await importPackages(
      store,
      tenantId,
      packages.map(candidateOf),
      { publishing, chids, templateArchitectures: ['amd64'], now },
      report,
    );
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
