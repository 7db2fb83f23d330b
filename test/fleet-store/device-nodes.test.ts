import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { configurationOf } from '../../src/fleet/configuration-of.js';
import { DeviceReportService } from '../../src/fleet/device-report-service.js';
import { loadAssignedConfigurations } from '../../src/fleet/fleet-repo-assigned.js';
import type { DeviceReport } from '../../src/fleet/report-types.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { reportFor } from './report-fixtures.js';

const tenant = '66666666-6666-4666-8666-666666666666';
const otherTenant = '77777777-7777-4777-8777-777777777777';

// The sample NIC plus a TPM whose driver version tells the machines apart.
function twoNodeReport(deviceId: string, tpmDriver: string): DeviceReport {
  const report = reportFor(deviceId, '2026-12-01T09:00:00Z');
  const tpm = {
    instanceId: `ACPI\\MSFT0101\\${deviceId}`,
    hardwareIds: ['ACPI\\VEN_MSFT&DEV_0101', 'ACPI\\MSFT0101'],
    compatibleIds: [],
    installedDriver: {
      infName: 'tpm.inf',
      provider: 'Microsoft',
      class: 'SecurityDevices',
      version: tpmDriver,
      date: '2024-02-01',
      matchingId: 'ACPI\\MSFT0101',
      rank: '0x00FF0001',
    },
    extensionDrivers: [],
  };

  return { ...report, devices: [...report.devices, tpm] };
}

describe('content-addressed device nodes', () => {
  let store: TestStore;
  const reports = [
    twoNodeReport(randomUUID(), '10.0.1.0'),
    twoNodeReport(randomUUID(), '10.0.1.0'),
    twoNodeReport(randomUUID(), '10.0.2.0'),
  ];

  before(async () => {
    store = await openTestStore();
    const service = new DeviceReportService({
      store,
      clock: () => new Date('2026-12-01T10:00:00Z'),
    });
    for (const report of reports) await service.receive(tenant, report);
    await service.receive(otherTenant, reports[2]!);
  });
  after(() => store.dispose());

  const rowsOf = async (table: 'device_nodes' | 'device_configurations', tenantId: string) =>
    store.db
      .withTables<{ device_nodes: { tenant_id: string; key: string; body: string } }>()
      .selectFrom(table)
      .select(['key', 'body'])
      .where('tenant_id', '=', tenantId)
      .orderBy('key')
      .execute();

  test('stores each distinct node once per tenant, under its configurationOf key', async () => {
    const nodes = await rowsOf('device_nodes', tenant);
    const expected = new Set(reports.flatMap((report) => configurationOf(report).nodeKeys));

    assert.equal((await rowsOf('device_configurations', tenant)).length, 2);
    assert.deepEqual(nodes.map((row) => row.key).sort(), [...expected].sort());
    assert.equal(nodes.length, 3);
    assert.equal((await rowsOf('device_nodes', otherTenant)).length, 2);
  });

  test('a stored configuration lists its node keys instead of carrying its nodes', async () => {
    const addressed = configurationOf(reports[0]!);
    const row = (await rowsOf('device_configurations', tenant)).find(
      (entry) => entry.key === addressed.key,
    );

    assert.deepEqual(JSON.parse(row!.body), {
      os: addressed.configuration.os,
      computerHardwareIds: addressed.configuration.computerHardwareIds,
      nodeKeys: addressed.nodeKeys,
    });
  });

  test('a sync loads shared nodes once and resolves every configuration to them', async () => {
    const loaded = await loadAssignedConfigurations(store.db, tenant, {
      allDevices: true,
      includedGroupIds: [],
      excludedGroupIds: [],
    });
    const [first, second] = loaded.configurations;
    const nic = configurationOf(reports[0]!).nodeKeys.find((key) =>
      configurationOf(reports[2]!).nodeKeys.includes(key),
    )!;

    assert.equal(loaded.nodes.size, 3);
    assert.deepEqual(loaded.configurations.map((entry) => entry.deviceCount).sort(), [1, 2]);
    for (const { configuration, nodeKeys } of loaded.configurations) {
      assert.deepEqual(
        configuration.devices,
        nodeKeys.map((key) => loaded.nodes.get(key)),
      );
    }
    assert.equal(
      first!.configuration.devices[first!.nodeKeys.indexOf(nic)],
      second!.configuration.devices[second!.nodeKeys.indexOf(nic)],
    );
    assert.deepEqual(loaded.nodes.get(nic)?.compatibleIds, [
      'PCI\\VEN_8086&DEV_15F3',
      'PCI\\CC_020000',
    ]);
  });
});
