// Builds a store holding a generated fleet and catalog, for the sync benchmark. The fixture is
// loaded in bulk (one transaction per batch) because only the sync itself is being measured.
import { randomUUID } from 'node:crypto';
import { packageFromInf } from '../src/catalog/package-from-inf.js';
import { packageIdOf } from '../src/catalog/package-id.js';
import { savePackage } from '../src/catalog/catalog-repo.js';
import { configurationOf, type AddressedConfiguration } from '../src/fleet/configuration-of.js';
import { saveAddressedConfiguration } from '../src/fleet/configuration-repo.js';
import { createFleet, type GeneratedPackage } from '../src/fleet/generator/index.js';
import type { DeviceReport } from '../src/fleet/report-types.js';
import { readInf } from '../src/inf/read-inf.js';
import type { DeviceTable } from '../src/store/schema.js';
import type { Store } from '../src/store/store.js';
import { searchTokenColumn } from '../src/graph/odata/search-tokens.js';

export interface FixtureOptions {
  readonly devices: number;
  readonly models: number;
  readonly catalogPackages: number;
  readonly seed: number;
}

export interface Fixture {
  readonly tenantId: string;
  readonly profileId: string;
  readonly configurations: number;
  readonly packages: number;
}

const tenantId = 'b0000000-0000-4000-8000-000000000001';
const batchSize = 2_000;

export async function buildFixture(store: Store, options: FixtureOptions): Promise<Fixture> {
  const now = new Date('2026-12-01T00:00:00Z');
  const fleet = createFleet({ ...options, now });
  const packages = await saveCatalog(store, fleet.catalog, now);
  const configurations = await saveDevices(store, fleet.reports(), now);
  const profileId = await saveProfile(store, now);

  return { tenantId, profileId, configurations, packages };
}

async function saveCatalog(store: Store, catalog: readonly GeneratedPackage[], now: Date) {
  let saved = 0;
  for (let start = 0; start < catalog.length; start += batchSize) {
    await store.transaction(async (tx) => {
      for (const generated of catalog.slice(start, start + batchSize)) {
        const bytes = new TextEncoder().encode(generated.text);
        const files = [{ name: generated.infName, bytes }];
        const built = packageFromInf({
          id: packageIdOf([...files, { name: generated.directory, bytes: new Uint8Array() }]),
          infName: generated.infName,
          inf: readInf(bytes, { arch: 'amd64' }),
          files: generated.files,
          publishing: generated.publishing,
          chids: generated.chids,
        });
        if (built.kind !== 'package') continue;
        await savePackage(tx, tenantId, built.package, built.rows, now);
        saved += 1;
      }
    });
  }

  return saved;
}

async function saveDevices(store: Store, reports: Iterable<DeviceReport>, now: Date) {
  const seen = new Set<string>();
  let devices: DeviceTable[] = [];
  let configurations: AddressedConfiguration[] = [];
  const flush = async () => {
    await store.transaction(async (tx) => {
      for (const addressed of configurations) {
        await saveAddressedConfiguration(tx, tenantId, addressed, now);
      }
      for (let i = 0; i < devices.length; i += 500) {
        await tx
          .insertInto('devices')
          .values(devices.slice(i, i + 500))
          .execute();
      }
    });
    devices = [];
    configurations = [];
  };

  for (const report of reports) {
    const addressed = configurationOf(report);
    const { key } = addressed;
    if (!seen.has(key)) {
      seen.add(key);
      configurations.push(addressed);
    }
    devices.push({
      tenant_id: tenantId,
      id: randomUUID(),
      device_id: report.deviceId,
      display_name: report.deviceName,
      search_display_name: searchTokenColumn(report.deviceName),
      operating_system: 'Windows',
      operating_system_version: report.os.version,
      approximate_last_sign_in_at: report.reportedDateTime,
      created_at: now.toISOString(),
      configuration_key: key,
      reported_at: report.reportedDateTime,
    });
    if (devices.length >= batchSize) await flush();
  }
  await flush();

  return seen.size;
}

async function saveProfile(store: Store, now: Date): Promise<string> {
  const profileId = randomUUID();
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    await tx
      .insertInto('profiles')
      .values({
        tenant_id: tenantId,
        id: profileId,
        display_name: 'All devices',
        description: null,
        approval_type: 'manual',
        deployment_deferral_in_days: null,
        role_scope_tag_ids: '["0"]',
        created_at: at,
        last_modified_at: at,
        sync_state: 'success',
        last_successful_sync_at: null,
        last_sync_requested_at: null,
        device_reporting: 0,
        new_updates: 0,
      })
      .execute();
    await tx
      .insertInto('profile_assignments')
      .values({
        tenant_id: tenantId,
        profile_id: profileId,
        id: randomUUID(),
        target_type: 'allDevicesAssignmentTarget',
        group_id: null,
        filter_id: null,
        filter_type: 'none',
      })
      .execute();
  });

  return profileId;
}
