import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test, type TestContext } from 'node:test';
import { registerImportCommand } from '../../src/cli/commands/import.js';
import { machineIdFromName } from '../../src/fleet/name-based-uuid.js';
import { openStore } from '../../src/store/open-store.js';
import { reportFor } from './report-fixtures.js';
import { runCli } from '../support/run-cli.js';

const tenant = '33333333-3333-4333-8333-333333333333';

function run(t: TestContext, ...args: string[]) {
  return runCli(t, registerImportCommand, ['import', 'devices', ...args]);
}

const csvHeader =
  '#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_PnPSignedDriver\r\n' +
  '"CompatID","DeviceClass","DeviceID","DriverDate","DriverProviderName","DriverVersion",' +
  '"HardWareID","InfName","PSComputerName"\r\n';

function csvRow(machine: string, instance: string): string {
  const fields = [
    'PCI\\VEN_8086&DEV_15F3',
    'NET',
    `PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\${instance}`,
    '20230501000000.******+000',
    'Intel',
    '1.0.2.3',
    'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03',
    'oem12.inf',
    machine,
  ];

  return `${fields.map((field) => `"${field}"`).join(',')}\r\n`;
}

describe('drivergraph import devices', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'drivergraph-import-devices-'));
  });
  afterEach(() => {
    process.exitCode = undefined;
  });
  after(() => rm(folder, { recursive: true, force: true }));

  const storedDevices = async (data: string) => {
    const store = await openStore(null, data);
    try {
      const devices = await store.db
        .selectFrom('devices')
        .select(['device_id', 'display_name', 'configuration_key'])
        .where('tenant_id', '=', tenant)
        .orderBy('display_name')
        .execute();
      const configurations = await store.db
        .selectFrom('device_configurations')
        .select('key')
        .where('tenant_id', '=', tenant)
        .execute();

      return { devices, configurations: configurations.length };
    } finally {
      await store.close();
    }
  };

  test('stores JSON Lines with identical hardware once; a repeat changes nothing', async (t) => {
    const data = join(folder, 'jsonl-data');
    const file = join(folder, 'reports.jsonl');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const lines = [
      reportFor(ids[0]!, '2026-12-01T10:00:00Z', '1.0.0.1'),
      reportFor(ids[1]!, '2026-12-01T10:00:00Z', '1.0.0.1'),
      reportFor(ids[2]!, '2026-12-01T10:00:00Z', '1.0.0.2'),
    ];
    await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);

    const first = await run(t, file, '--tenant', tenant, '--data', data);
    assert.equal(first.exitCode, 0);
    assert.match(first.out, /3 report\(s\): 3 stored \(3 new device\(s\)\), 0 unchanged/);
    const stored = await storedDevices(data);
    assert.equal(stored.devices.length, 3);
    assert.equal(stored.configurations, 2);

    const again = await run(t, file, '--tenant', tenant, '--data', data);
    assert.equal(again.exitCode, 0);
    assert.match(again.out, /0 stored \(0 new device\(s\)\), 3 unchanged/);
  });

  test('a bad line fails the import by line number and stores nothing', async (t) => {
    const data = join(folder, 'bad-data');
    const file = join(folder, 'bad.jsonl');
    const good = reportFor(randomUUID(), '2026-12-01T10:00:00Z');
    const bad = {
      ...good,
      deviceId: randomUUID(),
      os: { version: 'eleven', architecture: 'amd64' },
    };
    await writeFile(file, [good, bad, good].map((line) => JSON.stringify(line)).join('\n'));

    const result = await run(t, file, '--tenant', tenant, '--data', data);

    assert.equal(result.exitCode, 1);
    assert.match(result.err, /bad\.jsonl:2: \$\.os\.version/);
    assert.match(result.err, /nothing was imported/);
    assert.equal((await storedDevices(data)).devices.length, 0);
  });

  test('imports a driver CSV export as one report per machine', async (t) => {
    const data = join(folder, 'csv-data');
    const file = join(folder, 'drivers.csv');
    await writeFile(
      file,
      csvHeader +
        csvRow('PC-A', '3&1&0&FE') +
        csvRow('PC-B', '3&2&0&FE') +
        csvRow('PC-A', '3&3&0&FF'),
    );

    const result = await run(
      t,
      file,
      '--tenant',
      tenant,
      '--data',
      data,
      '--os-version',
      '10.0.22631.4602',
      '--reported-at',
      '2026-12-01T10:00:00Z',
    );

    assert.equal(result.exitCode, 0);
    const stored = await storedDevices(data);
    assert.deepEqual(
      stored.devices.map((device) => [device.display_name, device.device_id]),
      [
        ['PC-A', machineIdFromName('PC-A')],
        ['PC-B', machineIdFromName('PC-B')],
      ],
    );
  });

  test('a CSV export without an OS version is a usage error', async (t) => {
    const file = join(folder, 'no-os.csv');
    await writeFile(file, csvHeader + csvRow('PC-A', '3&1&0&FE'));

    const result = await run(t, file, '--tenant', tenant, '--data', join(folder, 'no-os'));

    assert.equal(result.exitCode, 2);
    assert.match(result.err, /--os-version/);
  });
});
