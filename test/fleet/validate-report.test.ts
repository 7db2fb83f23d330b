import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  MAX_DEVICE_NODES,
  MAX_HARDWARE_IDS,
  MAX_ID_LENGTH,
} from '../../src/fleet/report-limits.js';
import { validateReport } from '../../src/fleet/validate-report.js';
import { mutableSample, sampleReport } from './sample-report.js';
import type { LooseJson } from './sample-report.js';

type Spoil = (report: LooseJson) => void;

const node = (report: LooseJson) => report['devices'][0];
const driver = (report: LooseJson) => node(report)['installedDriver'];

const badReports: [string, string, Spoil][] = [
  ['an unknown top-level property', '$.extra', (r) => (r['extra'] = 1)],
  ['a missing deviceName', '$.deviceName', (r) => delete r['deviceName']],
  ['a deviceId that is not a GUID', '$.deviceId', (r) => (r['deviceId'] = 'PC-0042')],
  ['an empty deviceName', '$.deviceName', (r) => (r['deviceName'] = '')],
  ['a deviceName with a line break', '$.deviceName', (r) => (r['deviceName'] = 'a\nb')],
  [
    'a local reportedDateTime',
    '$.reportedDateTime',
    (r) => (r['reportedDateTime'] = '2026-12-01T10:00:00'),
  ],
  [
    'an offset reportedDateTime',
    '$.reportedDateTime',
    (r) => (r['reportedDateTime'] = '2026-12-01T10:00:00+01:00'),
  ],
  ['February 30th', '$.reportedDateTime', (r) => (r['reportedDateTime'] = '2026-02-30T10:00:00Z')],
  ['an OS version of two parts', '$.os.version', (r) => (r['os']['version'] = '10.0')],
  ['an unknown architecture', '$.os.architecture', (r) => (r['os']['architecture'] = 'ia64')],
  [
    'a CHID without braces',
    '$.computerHardwareIds[0]',
    (r) => (r['computerHardwareIds'][0] = '3f6e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'),
  ],
  [
    'a repeated CHID',
    '$.computerHardwareIds[1]',
    (r) => (r['computerHardwareIds'][1] = r['computerHardwareIds'][0].toUpperCase()),
  ],
  ['devices as an object', '$.devices', (r) => (r['devices'] = {})],
  [
    'too many device nodes',
    '$.devices',
    (r) => (r['devices'] = Array(MAX_DEVICE_NODES + 1).fill(node(r))),
  ],
  [
    'a repeated instance ID in other case',
    '$.devices[1].instanceId',
    (r) => (r['devices'][1]['instanceId'] = node(r)['instanceId'].toLowerCase()),
  ],
  [
    'an instance ID of one segment',
    '$.devices[0].instanceId',
    (r) => (node(r)['instanceId'] = 'PCI'),
  ],
  [
    'a hardware ID with a space',
    '$.devices[0].hardwareIds[0]',
    (r) => (node(r)['hardwareIds'][0] = 'PCI\\VEN_8086 DEV_15F3'),
  ],
  [
    'a hardware ID with a comma',
    '$.devices[0].hardwareIds[0]',
    (r) => (node(r)['hardwareIds'][0] = 'PCI\\VEN_8086,DEV_15F3'),
  ],
  [
    'a hardware ID ending in a backslash',
    '$.devices[0].hardwareIds[1]',
    (r) => (node(r)['hardwareIds'][1] = 'PCI\\'),
  ],
  [
    'a non-ASCII compatible ID',
    '$.devices[0].compatibleIds[0]',
    (r) => (node(r)['compatibleIds'][0] = 'PCI\\VÉN_8086'),
  ],
  [
    'an over-long hardware ID',
    '$.devices[0].hardwareIds[0]',
    (r) => (node(r)['hardwareIds'][0] = `PCI\\${'A'.repeat(MAX_ID_LENGTH)}`),
  ],
  [
    'too many hardware IDs',
    '$.devices[0].hardwareIds',
    (r) => (node(r)['hardwareIds'] = Array(MAX_HARDWARE_IDS + 1).fill('PCI\\X')),
  ],
  [
    'a number as a hardware ID',
    '$.devices[0].hardwareIds[0]',
    (r) => (node(r)['hardwareIds'][0] = 42),
  ],
  [
    'a missing installedDriver',
    '$.devices[0].installedDriver',
    (r) => delete node(r)['installedDriver'],
  ],
  [
    'an empty installedDriver object',
    '$.devices[0].installedDriver.infName',
    (r) => (node(r)['installedDriver'] = {}),
  ],
  [
    'a three-part driver version',
    '$.devices[0].installedDriver.version',
    (r) => (driver(r)['version'] = '1.0.2'),
  ],
  [
    'a driver version part above 65535',
    '$.devices[0].installedDriver.version',
    (r) => (driver(r)['version'] = '1.0.65536.3'),
  ],
  [
    'a US-style driver date',
    '$.devices[0].installedDriver.date',
    (r) => (driver(r)['date'] = '05/01/2023'),
  ],
  ['April 31st', '$.devices[0].installedDriver.date', (r) => (driver(r)['date'] = '2023-04-31')],
  [
    'a rank of seven digits',
    '$.devices[0].installedDriver.rank',
    (r) => (driver(r)['rank'] = '0x00FF200'),
  ],
  [
    'an INF name with a path',
    '$.devices[0].installedDriver.infName',
    (r) => (driver(r)['infName'] = 'C:\\Windows\\INF\\oem12.inf'),
  ],
  [
    'an extension id without braces',
    '$.devices[0].extensionDrivers[0].extensionId',
    (r) => (node(r)['extensionDrivers'][0]['extensionId'] = '5a4a3d1e-6d6b-4b8a-9c0e-2f71a6d3c812'),
  ],
  [
    'an unknown property on an extension',
    '$.devices[0].extensionDrivers[0].note',
    (r) => (node(r)['extensionDrivers'][0]['note'] = ''),
  ],
];

describe('validateReport', () => {
  test('accepts a well-formed report and returns it with a lower-case device id', () => {
    const input = { ...sampleReport(), deviceId: '7F9C2A4E-0C1D-4E5F-8A9B-0C1D2E3F4A5B' };
    const result = validateReport(input);

    assert.equal(result.ok, true);
    assert.equal(result.ok && result.report.deviceId, '7f9c2a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b');
  });

  test('accepts bare IDs such as *PNP0A08 and revision-less OS versions', () => {
    const report = mutableSample();
    node(report)['compatibleIds'] = ['*PNP0A08', 'HID_DEVICE_SYSTEM_MOUSE'];
    report['os']['version'] = '10.0.19045';

    assert.equal(validateReport(report).ok, true);
  });

  for (const [what, path, spoil] of badReports) {
    test(`refuses ${what}, naming ${path}`, () => {
      const report = mutableSample();
      spoil(report);
      const result = validateReport(report);

      assert.equal(result.ok, false);
      assert.ok(
        !result.ok && result.errors.some((error) => error.path === path),
        JSON.stringify(!result.ok && result.errors),
      );
    });
  }

  test('refuses input that is not an object', () => {
    for (const input of [null, [], 'report', 7]) {
      assert.deepEqual(validateReport(input), {
        ok: false,
        errors: [{ path: '$', message: 'must be an object' }],
      });
    }
  });
});
