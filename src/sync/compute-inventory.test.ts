import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogPackage } from '../catalog/types.js';
import {
  ApplicabilityUnavailableError,
  computeInventory,
  countReportingDevices,
} from './compute-inventory.js';
import type { SyncCatalog } from './compute-inventory.js';

const emptyCatalog: SyncCatalog = { packages: [], matchRows: [] };
const oneDevice = { deviceCount: 1, configuration: { devices: [] } };
const onePackage: CatalogPackage = {
  id: 'a'.repeat(64),
  name: 'Contoso - Net - 1.0.0.0',
  infName: 'contoso.inf',
  provider: 'Contoso',
  manufacturer: 'Contoso',
  infClass: 'Net',
  classGuid: null,
  driverClass: 'Networking',
  version: '1.0.0.0',
  date: '2025-01-01',
  signed: true,
  extensionId: null,
  publishing: 'automatic',
  chids: [],
};

test('a profile without reporting devices has no applicable drivers', () => {
  const catalog = { packages: [onePackage], matchRows: [] };

  assert.deepEqual(computeInventory({ configurations: [], catalog }), []);
});

test('an empty catalog offers no drivers to any device', () => {
  assert.deepEqual(computeInventory({ configurations: [oneDevice], catalog: emptyCatalog }), []);
});

test('devices and drivers together are refused rather than answered without the engine', () => {
  const inputs = {
    configurations: [oneDevice],
    catalog: { packages: [onePackage], matchRows: [] },
  };

  assert.throws(() => computeInventory(inputs), ApplicabilityUnavailableError);
});

test('reporting devices are counted across configurations', () => {
  const configurations = [oneDevice, { deviceCount: 41, configuration: {} }];

  assert.equal(countReportingDevices({ configurations, catalog: emptyCatalog }), 42);
});
