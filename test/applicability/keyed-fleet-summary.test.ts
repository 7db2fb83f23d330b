import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildCatalogIndex,
  evaluateConfiguration,
  summarizeFleet,
} from '../../src/applicability/index.js';
import { summarizeKeyedFleet } from '../../src/applicability/summarize-keyed-fleet.js';
import { packageFromInf } from '../../src/catalog/package-from-inf.js';
import { packageIdOf } from '../../src/catalog/package-id.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import { configurationOf } from '../../src/fleet/configuration-of.js';
import { createFleet } from '../../src/fleet/generator/index.js';
import { readInf } from '../../src/inf/read-inf.js';

const now = new Date('2026-12-01T00:00:00Z');

function generatedCatalog(seed: number) {
  const fleet = createFleet({ devices: 600, models: 12, catalogPackages: 400, seed, now });
  const packages: CatalogPackage[] = [];
  const rows: CatalogMatchRow[] = [];

  for (const generated of fleet.catalog) {
    const bytes = new TextEncoder().encode(generated.text);
    const files = [{ name: generated.infName, bytes }];
    const built = packageFromInf({
      id: packageIdOf([...files, { name: generated.directory, bytes: new Uint8Array() }]),
      infName: generated.infName,
      inf: readInf(bytes, { arch: 'amd64' }),
      files: generated.files,
      publishing: generated.publishing,
      chids: generated.chids,
    });
    if (built.kind !== 'package') continue;
    packages.push(built.package);
    rows.push(...built.rows);
  }

  return { fleet, index: buildCatalogIndex(packages, rows) };
}

describe('summarizeKeyedFleet', () => {
  for (const seed of [11]) {
    test(`counts what evaluating every configuration counts, on generated fleet ${seed}`, () => {
      const { fleet, index } = generatedCatalog(seed);
      const weights = new Map<string, { report: unknown; devices: number }>();
      const keyed = new Map<string, ReturnType<typeof configurationOf>>();
      for (const report of fleet.reports()) {
        const addressed = configurationOf(report);
        const known = weights.get(addressed.key);
        if (known) known.devices += 1;
        else weights.set(addressed.key, { report, devices: 1 });
        keyed.set(addressed.key, addressed);
      }

      const expected = summarizeFleet(
        [...weights.values()].map(({ report, devices }) => ({
          evaluation: evaluateConfiguration(report as Parameters<typeof configurationOf>[0], index),
          deviceCount: devices,
        })),
      );
      const actual = summarizeKeyedFleet(
        [...keyed].map(([key, { configuration, nodeKeys }]) => ({
          os: configuration.os,
          computerHardwareIds: configuration.computerHardwareIds,
          nodes: configuration.devices,
          nodeKeys,
          deviceCount: weights.get(key)!.devices,
        })),
        index,
      );

      assert.ok(expected.length > 10, `${expected.length} packages apply`);
      assert.ok(
        expected.some((entry) => entry.recommended) &&
          expected.some((entry) => entry.recommendedDeviceCount < entry.applicableDeviceCount),
      );
      assert.deepEqual(actual, expected);
    });
  }
});
