import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { configurationOf } from '../../src/fleet/configuration-of.js';
import { createFleet } from '../../src/fleet/generator/create-fleet.js';
import { parseIdDatabase } from '../../src/fleet/generator/parse-id-database.js';
import { validateReport } from '../../src/fleet/validate-report.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('createFleet', () => {
  test('is deterministic for a seed: same reports, same catalog text, same groups', () => {
    const first = createFleet({ devices: 300, seed: 42, now });
    const second = createFleet({ devices: 300, seed: 42, now });

    assert.deepEqual([...first.reports()], [...second.reports()]);
    assert.deepEqual(first.catalog, second.catalog);
    assert.deepEqual(first.groups, second.groups);
    assert.notDeepEqual(
      [...createFleet({ devices: 5, seed: 43, now }).reports()],
      [...createFleet({ devices: 5, seed: 42, now }).reports()],
    );
  });

  test('produces reports that all pass validation, on Windows 10 and 11, amd64 and arm64', () => {
    const fleet = createFleet({ devices: 1500, seed: 7, now });
    const seen = new Set<string>();

    for (const report of fleet.reports()) {
      const result = validateReport(report);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 3)));
      seen.add(report.os.architecture);
      seen.add(report.os.version.startsWith('10.0.19') ? 'windows 10' : 'windows 11');
    }

    assert.deepEqual([...seen].sort(), ['amd64', 'arm64', 'windows 10', 'windows 11']);
  });

  test('makes machines of a model share configurations, far fewer than machines', () => {
    const keys = new Set<string>();
    for (const report of createFleet({ devices: 3000, models: 10, seed: 3, now }).reports()) {
      keys.add(configurationOf(report).key);
    }

    assert.ok(keys.size < 1000, `${keys.size} configurations`);
  });

  test('splits devices into about 5% pilot and the rest broad', () => {
    const { pilot, broad } = createFleet({ devices: 4000, seed: 9, now }).groups;

    assert.equal(pilot.length + broad.length, 4000);
    assert.ok(pilot.length > 120 && pilot.length < 300, `${pilot.length} pilot devices`);
    assert.equal(new Set([...pilot, ...broad]).size, 4000);
  });

  test('builds a catalog with every kind of package and filler up to the requested size', () => {
    const { catalog } = createFleet({ devices: 1, seed: 5, now, catalogPackages: 600 });
    const kinds = new Set(catalog.map((entry) => entry.kind));

    assert.equal(catalog.length, 600);
    assert.deepEqual([...kinds].sort(), ['driver', 'extension', 'filler', 'firmware']);
    assert.ok(catalog.some((entry) => entry.chids.length > 0 && entry.kind === 'driver'));
    assert.ok(catalog.some((entry) => entry.publishing === 'optional'));
    assert.ok(catalog.some((entry) => entry.text.includes('NTamd64.10.0...19041')));
    assert.ok(catalog.some((entry) => entry.text.includes('UEFI\\RES_{')));
    assert.equal(new Set(catalog.map((entry) => entry.directory)).size, catalog.length);
  });

  test('installs, on some devices, a driver newer than any in the catalog', () => {
    const fleet = createFleet({ devices: 2000, seed: 11, now });
    const newest = new Map<string, string>();
    for (const entry of fleet.catalog) {
      const date = /DriverVer = (\d\d)\/(\d\d)\/(\d{4})/.exec(entry.text);
      const infClass = /^Class = (.+)$/m.exec(entry.text)?.[1];
      const key = `${infClass}|${/^Provider = "(.+)"$/m.exec(entry.text)?.[1]}`;
      const iso = date === null ? '' : `${date[3]}-${date[1]}-${date[2]}`;
      if (iso > (newest.get(key) ?? '')) newest.set(key, iso);
    }
    let newer = 0;
    for (const report of fleet.reports()) {
      for (const { installedDriver: driver } of report.devices) {
        const latest = newest.get(`${driver?.class}|${driver?.provider}`);
        if (driver && latest !== undefined && driver.date > latest) newer++;
      }
    }

    assert.ok(newer > 0);
  });
});

test('parseIdDatabase reads vendors and devices and skips subsystems and class sections', () => {
  const text = [
    '# comment',
    '8086  Intel Corporation',
    '\t15f3  Ethernet Controller I225-V',
    '\t\t8086 0001  Ethernet Controller I225-V OEM',
    '10de  NVIDIA Corporation',
    '\t25a2  GA107M [GeForce RTX 3050 Mobile]',
    'C 02  Network controller',
    '\t00  Ethernet controller',
  ].join('\n');
  const database = parseIdDatabase(text);

  assert.deepEqual([...database.keys()], ['8086', '10DE']);
  assert.equal(database.get('8086')?.devices.get('15F3'), 'Ethernet Controller I225-V');
  assert.equal(database.get('8086')?.devices.size, 1);
  assert.equal(database.get('10DE')?.devices.size, 1);
});
