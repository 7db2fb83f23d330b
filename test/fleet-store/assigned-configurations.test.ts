import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DeviceReportService } from '../../src/fleet/device-report-service.js';
import { findDeviceByDeviceId } from '../../src/fleet/fleet-repo.js';
import { loadAssignedConfigurations } from '../../src/fleet/fleet-repo-assigned.js';
import { GroupService } from '../../src/fleet/group-service.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { reportFor } from './report-fixtures.js';

const tenant = '55555555-5555-4555-8555-555555555555';

describe('loadAssignedConfigurations', () => {
  let store: Store;
  let groups: GroupService;
  const ids: Record<string, string> = {};

  // Five devices: a, b and c share hardware; d and e each have their own. f never reported.
  before(async () => {
    store = await openStore(':memory:', '.');
    const clock = () => new Date('2026-12-01T10:00:00Z');
    const reports = new DeviceReportService({ store, clock });
    groups = new GroupService({ store, clock });
    const drivers: Record<string, string> = {
      a: '1.0.0.1',
      b: '1.0.0.1',
      c: '1.0.0.1',
      d: '2.0.0.0',
      e: '3.0.0.0',
    };
    for (const [name, driver] of Object.entries(drivers)) {
      const deviceId = randomUUID();
      await reports.receive(tenant, reportFor(deviceId, '2026-12-01T09:00:00Z', driver));
      ids[name] = (await findDeviceByDeviceId(store.db, tenant, deviceId))!.id;
    }
  });
  after(() => store.close());

  const group = async (name: string, members: string[]) => {
    const row = await groups.create(tenant, { displayName: name, mailNickname: name });
    for (const member of members) await groups.addMember(tenant, row.id, member);

    return row.id;
  };
  const load = (allDevices: boolean, includedGroupIds: string[], excludedGroupIds: string[] = []) =>
    loadAssignedConfigurations(store.db, tenant, {
      allDevices,
      includedGroupIds,
      excludedGroupIds,
    });

  test('all devices group into their distinct configurations with counts', async () => {
    const loaded = await load(true, []);

    assert.equal(loaded.reportingDevices, 5);
    assert.deepEqual(loaded.configurations.map((entry) => entry.deviceCount).sort(), [1, 1, 3]);
    const shared = loaded.configurations.find((entry) => entry.deviceCount === 3);
    assert.equal(shared?.configuration.devices[0]?.installedDriver?.version, '1.0.0.1');
  });

  test('nested included groups count their devices, and exclusions win', async () => {
    const inner = await group('inner', [ids.c!, ids.d!]);
    const outer = await group('outer', [ids.a!, inner]);
    const excluded = await group('excluded', [ids.d!]);

    const included = await load(false, [outer]);
    assert.equal(included.reportingDevices, 3);
    assert.equal(included.configurations.length, 2);

    const withExclusion = await load(false, [outer], [excluded]);
    assert.equal(withExclusion.reportingDevices, 2);
    assert.deepEqual(
      withExclusion.configurations.map((entry) => entry.deviceCount),
      [2],
    );

    const everyoneBut = await load(true, [], [excluded]);
    assert.equal(everyoneBut.reportingDevices, 4);
  });

  test('no assignment reaches no device', async () => {
    const loaded = await load(false, []);

    assert.deepEqual(loaded, { configurations: [], nodes: new Map(), reportingDevices: 0 });
  });
});
