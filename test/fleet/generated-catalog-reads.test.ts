import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { packageFromInf } from '../../src/catalog/package-from-inf.js';
import { createFleet } from '../../src/fleet/generator/create-fleet.js';
import { hardwareParts } from '../../src/fleet/generator/hardware-table.js';
import { parseIdDatabase } from '../../src/fleet/generator/parse-id-database.js';
import { readInf } from '../../src/inf/read-inf.js';
import { corpusPath, corpusSkipReason } from '../support/corpus.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('the generated catalog', () => {
  test('reads as deployable driver INFs without warnings, and enters the catalog', () => {
    const { catalog } = createFleet({ devices: 1, seed: 5, now, catalogPackages: 400 });

    for (const entry of catalog) {
      const inf = readInf(Buffer.from(entry.text, 'utf8'));
      const where = `${entry.directory}/${entry.infName}`;
      assert.equal(inf.kind, 'driver', where);
      assert.equal(inf.deployable, true, where);
      assert.deepEqual(inf.warnings, [], where);

      const arch = inf.models.some((model) => model.platform.architecture === 'amd64')
        ? 'amd64'
        : 'arm64';
      const result = packageFromInf({
        id: '0'.repeat(64),
        infName: entry.infName,
        inf,
        files: entry.files,
        publishing: entry.publishing,
        chids: entry.chids,
        arch,
      });
      assert.equal(
        result.kind,
        'package',
        `${where}: ${result.kind === 'skipped' && result.reason}`,
      );
    }
  });
});

describe('with the shared corpus ID databases', () => {
  const ids = corpusPath('ids');

  test(
    'every built-in PCI and USB part is a real ID listed in pci.ids or usb.ids',
    { skip: ids === null ? corpusSkipReason : false },
    () => {
      const pci = parseIdDatabase(readFileSync(join(ids as string, 'pci.ids'), 'utf8'));
      const usb = parseIdDatabase(readFileSync(join(ids as string, 'usb.ids'), 'utf8'));

      for (const part of hardwareParts.filter(
        (candidate) => candidate.bus === 'pci' || candidate.bus === 'usb',
      )) {
        const database = part.bus === 'pci' ? pci : usb;
        assert.ok(
          database.get(part.vendorId)?.devices.has(part.deviceId),
          `${part.vendorId}:${part.deviceId} ${part.name}`,
        );
      }
    },
  );

  test(
    'parses the full pci.ids quickly and builds a fleet from it',
    { skip: ids === null ? corpusSkipReason : false },
    () => {
      const text = readFileSync(join(ids as string, 'pci.ids'), 'utf8');
      const started = performance.now();
      const database = parseIdDatabase(text);
      const elapsed = performance.now() - started;

      assert.ok((database.get('8086')?.devices.size ?? 0) > 1000);
      assert.ok(elapsed < 1000, `${elapsed} ms`);

      const fleet = createFleet({ devices: 50, seed: 2, now, pciIds: text, catalogPackages: 300 });
      for (const entry of fleet.catalog
        .filter((candidate) => candidate.kind === 'filler')
        .slice(0, 50)) {
        assert.equal(readInf(Buffer.from(entry.text, 'utf8')).deployable, true, entry.directory);
      }
    },
  );
});
