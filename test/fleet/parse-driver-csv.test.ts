import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { machineIdFromName, nameBasedUuid } from '../../src/fleet/name-based-uuid.js';
import { parseDriverCsv } from '../../src/fleet/parse-driver-csv.js';

const options = {
  os: { version: '10.0.19045.5011', architecture: 'amd64' },
  reportedDateTime: '2026-12-01T10:00:00Z',
} as const;

// The shape Windows PowerShell 5.1 writes: a #TYPE line, every field quoted, CIM columns.
const header =
  '#TYPE Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_PnPSignedDriver\r\n' +
  '"Caption","Description","CompatID","DeviceClass","DeviceID","DriverDate","DriverProviderName",' +
  '"DriverVersion","HardWareID","InfName","IsSigned","PSComputerName","CimClass"\r\n';

function row(fields: string[]): string {
  return `${fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(',')}\r\n`;
}

const nic = [
  '',
  'Intel(R) Ethernet Controller I225-V, "2.5G"',
  'PCI\\VEN_8086&DEV_15F3&REV_03',
  'NET',
  'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&11583659&0&FE',
  '20230501000000.******+000',
  'Intel',
  '1.0.2.3',
  'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03;PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086',
  'oem12.inf',
  'True',
];

describe('parseDriverCsv', () => {
  test('groups rows by PSComputerName into reports with derived device ids', () => {
    const text =
      header +
      row([...nic, 'PC-A', 'root/cimv2:Win32_PnPSignedDriver']) +
      row([...nic, 'PC-B', '']) +
      row([
        '',
        'TPM',
        '',
        'SECURITYDEVICES',
        'ACPI\\MSFT0101\\1',
        '',
        '',
        '',
        'ACPI\\MSFT0101',
        '',
        '',
        'pc-a',
        '',
      ]);
    const { reports, errors } = parseDriverCsv(text, options);

    assert.deepEqual(errors, []);
    assert.deepEqual(
      reports.map((report) => [report.deviceName, report.devices.length]),
      [
        ['PC-A', 2],
        ['PC-B', 1],
      ],
    );
    assert.equal(reports[0]?.deviceId, machineIdFromName('pc-a'));
    assert.deepEqual(reports[0]?.devices[0]?.hardwareIds, [
      'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03',
      'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086',
    ]);
    assert.deepEqual(reports[0]?.devices[0]?.installedDriver, {
      infName: 'oem12.inf',
      provider: 'Intel',
      class: 'NET',
      version: '1.0.2.3',
      date: '2023-05-01',
      matchingId: null,
      rank: null,
    });
    assert.equal(reports[0]?.devices[1]?.installedDriver, null);
  });

  test('uses the given name for a file without PSComputerName and reads other date forms', () => {
    const text =
      '"DeviceID","HardWareID","CompatID","InfName","DriverVersion","DriverDate"\n' +
      '"PCI\\VEN_1\\1","PCI\\VEN_1","","a.inf","1.2.3.4","5/1/2023 12:00:00 AM"\n' +
      'PCI\\VEN_2\\1,PCI\\VEN_2,,b.inf,1.2.3.4,2023-05-02\n';
    const { reports, errors } = parseDriverCsv(text, { ...options, deviceName: 'LAB-7' });

    assert.deepEqual(errors, []);
    assert.deepEqual(
      reports[0]?.devices.map((device) => device.installedDriver?.date),
      ['2023-05-01', '2023-05-02'],
    );
  });

  test('refuses a machine with a bad row, naming the line, and keeps the others', () => {
    const text =
      header +
      row([...nic, 'PC-A', '']) +
      row([...nic.slice(0, 8), 'System.String[]', 'oem12.inf', 'True', 'PC-B', '']) +
      row([...nic.slice(0, 7), '1.0.2', ...nic.slice(8), 'PC-C', '']);
    const { reports, errors } = parseDriverCsv(text, options);

    assert.deepEqual(
      reports.map((report) => report.deviceName),
      ['PC-A'],
    );
    assert.deepEqual(
      errors.map((error) => error.line),
      [4, 5],
    );
    assert.match(errors[0]?.message ?? '', /System\.String\[\].*-join/);
    assert.match(errors[1]?.message ?? '', /DriverVersion/);
  });

  test('reports an unclosed quote and a missing DeviceID column by line', () => {
    assert.deepEqual(parseDriverCsv('"DeviceID"\n"PCI\\X\\1\n', options).errors, [
      { line: 2, message: 'a quoted field is not closed before the end of the file' },
    ]);
    assert.equal(parseDriverCsv('"Name"\n"x"\n', options).errors[0]?.line, 1);
  });
});

test('derives name-based UUIDs as RFC 9562 version 5 does', () => {
  // The DNS namespace example from the RFC.
  assert.equal(
    nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'),
    '2ed6657d-e927-568b-95e1-2665a8aea6a2',
  );
});
