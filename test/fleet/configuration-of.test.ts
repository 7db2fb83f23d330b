import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { configurationOf, NodeKeyMemo, nodeKeyOf } from '../../src/fleet/configuration-of.js';
import type { DeviceReport } from '../../src/fleet/report-types.js';
import { mutableSample, sampleReport } from './sample-report.js';
import type { LooseJson } from './sample-report.js';

const keyOf = (report: unknown) => configurationOf(report as DeviceReport).key;

describe('configurationOf', () => {
  test('gives two machines with the same hardware and drivers the same key', () => {
    const other = mutableSample();
    other['deviceId'] = '00000000-0000-4000-8000-000000000001';
    other['deviceName'] = 'PC-0043';
    other['reportedDateTime'] = '2026-12-02T08:00:00Z';
    other['os']['version'] = '10.0.22631.4751';
    other['computerHardwareIds'].reverse();
    other['computerHardwareIds'][0] = other['computerHardwareIds'][0].toUpperCase();
    other['devices'].reverse();
    other['devices'][1]['instanceId'] = 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\4&99&0&00';
    other['devices'][1]['hardwareIds'][0] = other['devices'][1]['hardwareIds'][0].toLowerCase();

    assert.equal(keyOf(other), keyOf(sampleReport()));
    assert.match(keyOf(other), /^[0-9a-f]{64}$/);
  });

  test('gives different keys when hardware, drivers or OS build differ', () => {
    const spoilers: ((report: LooseJson) => void)[] = [
      (r) => (r['os']['version'] = '10.0.26100.4602'),
      (r) => (r['os']['architecture'] = 'arm64'),
      (r) => r['computerHardwareIds'].pop(),
      (r) => r['devices'].pop(),
      (r) => r['devices'][0]['hardwareIds'].reverse(),
      (r) => (r['devices'][0]['installedDriver']['version'] = '1.0.2.4'),
      (r) => (r['devices'][0]['installedDriver'] = null),
      (r) => (r['devices'][0]['extensionDrivers'] = []),
      (r) => r['devices'][1]['compatibleIds'].push('*PNP0C31'),
    ];
    const keys = new Set([
      keyOf(sampleReport()),
      ...spoilers.map((spoil) => {
        const report = mutableSample();
        spoil(report);

        return keyOf(report);
      }),
    ]);

    assert.equal(keys.size, spoilers.length + 1);
  });

  test('keeps IDs in reported order and drops what only identifies the machine', () => {
    const { configuration } = configurationOf(sampleReport());

    assert.equal(configuration.os.version, '10.0.22631');
    assert.deepEqual(configuration.computerHardwareIds, [
      '{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}',
      '{3F6E1A2B-4C5D-4E6F-8A9B-0C1D2E3F4A5B}',
    ]);
    assert.deepEqual(configuration.devices[0]?.hardwareIds, [
      'ACPI\\VEN_MSFT&DEV_0101',
      'ACPI\\MSFT0101',
      '*MSFT0101',
    ]);
    assert.equal('deviceId' in configuration, false);
    assert.equal('instanceId' in (configuration.devices[0] ?? {}), false);
  });
});

describe('NodeKeyMemo', () => {
  test('gives configurations the same keys as hashing every node does', () => {
    const memo = new NodeKeyMemo(2);
    const other = mutableSample();
    other['devices'][0]['installedDriver']['version'] = '9.9.9.9';

    for (const report of [sampleReport(), other as DeviceReport, sampleReport()]) {
      assert.deepEqual(configurationOf(report, memo), configurationOf(report));
    }
  });

  test('keeps answering correctly after it fills up and starts afresh', () => {
    const memo = new NodeKeyMemo(3);
    const texts = Array.from({ length: 10 }, (_, index) => `{"node":${index % 7}}`);

    for (const text of [...texts, ...texts]) assert.equal(memo.keyOf(text), nodeKeyOf(text));
  });
});
