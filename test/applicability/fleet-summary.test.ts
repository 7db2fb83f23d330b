import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCatalogIndex,
  configurationKey,
  createNodeEvaluationCache,
  evaluateConfiguration,
  summarizeFleet,
} from '../../src/applicability/index.js';
import { aNode, anInstalledDriver, aPackage, rowsOf, windows11 } from './catalog-builders.js';

const nic = 'PCI\\VEN_8086&DEV_15F3';
const index = buildCatalogIndex(
  [
    aPackage('v2', { date: '2024-06-01', version: '2.0.0.0' }),
    aPackage('v1', { date: '2024-03-01', version: '1.5.0.0' }),
  ],
  [...rowsOf('v2', [{ ids: [nic] }]), ...rowsOf('v1', [{ ids: [nic] }])],
);
const secondNic = aNode({ instanceId: 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&2&0&FF' });
const outdated = anInstalledDriver({ date: '2024-01-01', rank: '0x00FF2001' });
const current = anInstalledDriver({ date: '2024-04-01', version: '1.6.0.0', rank: '0x00FF2001' });

describe('fleet summary', () => {
  test('counts a device once per package even when several of its nodes need it', () => {
    const twoNics = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [aNode(), secondNic] },
      index,
    );

    assert.deepEqual(summarizeFleet([{ evaluation: twoNics, deviceCount: 10 }]), [
      { packageId: 'v1', applicableDeviceCount: 10, recommendedDeviceCount: 0, recommended: false },
      { packageId: 'v2', applicableDeviceCount: 10, recommendedDeviceCount: 10, recommended: true },
    ]);
  });

  test('a device counts under every version that beats its installed driver', () => {
    const old = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [aNode({ installedDriver: outdated })] },
      index,
    );
    const newer = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [aNode({ installedDriver: current })] },
      index,
    );

    assert.deepEqual(
      summarizeFleet([
        { evaluation: old, deviceCount: 7 },
        { evaluation: newer, deviceCount: 5 },
      ]).map((entry) => [entry.packageId, entry.applicableDeviceCount, entry.recommended]),
      [
        ['v1', 7, false],
        ['v2', 12, true],
      ],
    );
  });

  test('evaluates each distinct node once across configurations', () => {
    const cache = createNodeEvaluationCache();
    const usb = aNode({
      instanceId: 'USB\\1',
      hardwareIds: ['USB\\VID_1&PID_2'],
      compatibleIds: [],
    });
    const first = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [aNode(), usb] },
      index,
      cache,
    );
    const second = evaluateConfiguration(
      { os: windows11, computerHardwareIds: [], devices: [secondNic, usb] },
      index,
      cache,
    );

    assert.equal(cache.entries.size, 2);
    assert.equal(second.nodes[0]?.instanceId, secondNic.instanceId);
    assert.deepEqual(
      second.offers.map((offer) => offer.instanceId),
      [secondNic.instanceId, secondNic.instanceId],
    );
    assert.equal(first.offers.length, 2);
  });

  test('machines that report the same hardware share one configuration key', () => {
    const report = {
      os: windows11,
      computerHardwareIds: ['{A}', '{B}'],
      devices: [aNode(), secondNic],
    };
    const reordered = {
      os: windows11,
      computerHardwareIds: ['{b}', '{A}'],
      devices: [secondNic, aNode()],
    };
    const different = { ...report, devices: [aNode({ installedDriver: current })] };

    assert.equal(configurationKey(reordered), configurationKey(report));
    assert.notEqual(configurationKey(different), configurationKey(report));
  });
});
