import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Migrator } from 'kysely';
import { configurationOf } from '../../src/fleet/configuration-of.js';
import { loadAssignedConfigurations } from '../../src/fleet/fleet-repo-assigned.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { connectSqlite } from '../../src/store/open-sqlite.js';
import type { DeviceTable } from '../../src/store/schema.js';
import { reportFor } from './report-fixtures.js';

const tenant = '88888888-8888-4888-8888-888888888888';

describe('the device nodes migration', () => {
  test('rewrites configurations stored whole into node keys, keeping every key', async () => {
    const db = await connectSqlite(':memory:');
    const migrator = new Migrator({ db, provider: migrationProvider });
    await migrator.migrateTo('005-throttle-counters');
    const reports = ['1.0.0.1', '1.0.0.1', '2.0.0.0'].map((driver) =>
      reportFor(randomUUID(), '2026-12-01T09:00:00Z', driver),
    );
    const addressed = reports.map((report) => configurationOf(report));
    for (const { key, configuration } of new Map(
      addressed.map((entry) => [entry.key, entry]),
    ).values()) {
      await db
        .insertInto('device_configurations')
        .values({ tenant_id: tenant, key, body: JSON.stringify(configuration), created_at: 'x' })
        .execute();
    }
    for (const [position, report] of reports.entries()) {
      // Before 007 the table has no search column; the database gives it one afterwards.
      const row: Omit<DeviceTable, 'search_display_name'> = {
        tenant_id: tenant,
        id: randomUUID(),
        device_id: report.deviceId,
        display_name: report.deviceName,
        operating_system: 'Windows',
        operating_system_version: report.os.version,
        approximate_last_sign_in_at: null,
        created_at: 'x',
        configuration_key: addressed[position]!.key,
        reported_at: report.reportedDateTime,
      };
      await db
        .insertInto('devices')
        .values(row as DeviceTable)
        .execute();
    }

    const { error } = await migrator.migrateToLatest();
    const loaded = await loadAssignedConfigurations(db, tenant, {
      allDevices: true,
      includedGroupIds: [],
      excludedGroupIds: [],
    });
    await db.destroy();

    assert.equal(error, undefined);
    assert.deepEqual(loaded.configurations.map((entry) => entry.deviceCount).sort(), [1, 2]);
    for (const entry of loaded.configurations) {
      const fresh = addressed.find((candidate) => candidate.key === entry.key)!;
      assert.deepEqual(entry.nodeKeys, fresh.nodeKeys);
      assert.deepEqual(entry.configuration, fresh.configuration);
    }
  });
});
