// Ground truth from real setupapi logs: for every driver node Windows logged, rebuild the
// device's ID lists and the INF row, let the engine rank it, and compare with the logged rank and
// the driver Windows selected.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogIndex, evaluateNode, parseRank } from '../../src/applicability/index.js';
import type { DeviceIdLists } from '../../src/applicability/identifier-match.js';
import type { CatalogMatchRow, CatalogPackage } from '../../src/catalog/types.js';
import type { ReportedOs } from '../../src/fleet/report-types.js';
import { corpusPath, corpusSkipReason } from '../support/corpus.js';
import { aPackage } from './catalog-builders.js';
import { pciIdLists } from './pci-id-lists.js';
import {
  parseSetupapiLog,
  type LoggedDriverList,
  type LoggedDriverNode,
  type SetupapiLog,
} from './setupapi-log.js';

// What the logs do not print about the INF side. setupapi logs the rank but not the FeatureScore
// behind it, so these are the GG bytes of those INFs' drivers; every other INF has none (0xFF).
const featureScores: Readonly<Record<string, number>> = {
  'vboxvideow8.inf VBoxVideo': 0xf8,
  'display.inf MSBDA': 0xfb,
  'basicrender.inf BasicRender': 0xfb,
  'vmmouse.inf VMMouse': 0xfe,
  'vm3d.inf VM3D_AMD64': 0xf6,
  'printqueue.inf NO_DRV_LOCAL': 0x00,
};

// Model lines the logs do not print whose matched ID is a compatible ID (the line's hardware ID
// is empty): position among the line's compatible IDs. Printed model lines are read from the log.
const compatibleOnlyLines: Readonly<Record<string, number>> = {
  'c_swdevice.inf SWD\\GENERICRAW': 0,
  'hdaudio.inf HDAUDIO\\FUNC_01': 0,
};

const directory = corpusPath('setupapi');
const logs: readonly { readonly file: string; readonly log: SetupapiLog }[] =
  directory === null
    ? []
    : readdirSync(directory)
        .filter((file) => file.endsWith('.log'))
        .sort()
        .map((file) => ({
          file,
          log: parseSetupapiLog(readFileSync(join(directory, file), 'utf8')),
        }));

function deviceLists(list: LoggedDriverList): DeviceIdLists | null {
  if (list.instanceId === null) return list;

  return pciIdLists(list.instanceId, null);
}

function infSide(
  log: SetupapiLog,
  node: LoggedDriverNode,
): Pick<CatalogMatchRow, 'kind' | 'position'> {
  const id = node.infId.toUpperCase();
  for (const line of log.modelLines.get(node.infName) ?? []) {
    if (line.hardwareId.toUpperCase() === id) return { kind: 'hardware', position: 0 };
    const position = line.compatibleIds.findIndex((entry) => entry.toUpperCase() === id);
    if (position >= 0) return { kind: 'compatible', position };
  }

  const compatible = compatibleOnlyLines[`${node.infName} ${id}`];

  return compatible === undefined
    ? { kind: 'hardware', position: 0 }
    : { kind: 'compatible', position: compatible };
}

function catalogOf(
  log: SetupapiLog,
  list: LoggedDriverList,
): {
  packages: CatalogPackage[];
  rows: CatalogMatchRow[];
} {
  const packages = new Map<string, CatalogPackage>();
  const rows = list.nodes.map((node): CatalogMatchRow => {
    packages.set(
      node.infName,
      aPackage(node.infName, {
        infName: node.infName,
        date: node.date,
        version: node.version,
        signed: node.signer !== 'Not digitally signed',
      }),
    );

    return {
      packageId: node.infName,
      matchId: node.infId.toUpperCase(),
      ...infSide(log, node),
      manufacturerIndex: 0,
      architecture: 'amd64',
      osMajor: null,
      osMinor: null,
      productType: null,
      build: null,
      featureScore: featureScores[`${node.infName} ${node.section ?? ''}`] ?? 0xff,
      installSection: node.section ?? '',
      date: node.date,
      version: node.version,
    };
  });

  return { packages: [...packages.values()], rows };
}

function osOf(log: SetupapiLog): ReportedOs {
  return { version: log.osVersion, architecture: log.architecture as ReportedOs['architecture'] };
}

function sameSection(logged: string | null, engine: string): boolean {
  return logged === null || engine === logged || engine.startsWith(`${logged}.`);
}

describe('ranks from real setupapi logs', { skip: directory === null && corpusSkipReason }, () => {
  test('the logs give at least twenty driver nodes to check', () => {
    const nodes = logs.flatMap(({ log }) => log.lists.flatMap((list) => list.nodes));

    assert.ok(nodes.length >= 20, `only ${nodes.length} driver nodes parsed`);
  });

  test('rebuilt PCI ID lists equal those Windows 10 21H1 logged for the VMware SVGA device', () => {
    const vmware = logs.find(({ log }) => log.osVersion === '10.0.19043')?.log;
    const logged = vmware?.lists.find((list) => list.hardwareIds[0]?.includes('dev_0405'));
    assert.ok(logged);

    const rebuilt = pciIdLists(
      'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78',
      '030000',
    );

    assert.deepEqual(rebuilt, {
      hardwareIds: logged.hardwareIds,
      compatibleIds: logged.compatibleIds,
    });
  });

  for (const { file, log } of logs) {
    log.lists.forEach((list, number) => {
      const name = `${file.slice(0, 40)} list ${number + 1} (${list.nodes[0]?.infName})`;

      test(`${name}: every driver node gets the rank Windows logged`, () => {
        const lists = deviceLists(list);
        assert.ok(lists, 'device ID lists could not be rebuilt');
        const { packages, rows } = catalogOf(log, list);
        const node = {
          instanceId: list.title,
          ...lists,
          installedDriver: null,
          extensionDrivers: [],
        };
        const result = evaluateNode(
          node,
          { os: osOf(log), chids: [] },
          buildCatalogIndex(packages, rows),
        );

        const engine = result.candidates
          .map((entry) => `${entry.infName} ${entry.infId} ${entry.rank}`)
          .sort();
        const logged = list.nodes
          .map((entry) => `${entry.infName} ${entry.infId.toUpperCase()} ${parseRank(entry.rank)}`)
          .sort();
        assert.deepEqual(engine, logged);

        const selected =
          list.selected ??
          list.nodes
            .filter((entry) => entry.status === 'Selected')
            .map((entry) => ({ infName: entry.infName, section: entry.section }))[0];
        if (selected === undefined) return;
        assert.equal(result.winner?.infName, selected.infName);
        assert.ok(sameSection(selected.section, result.winner.installSection));
      });
    });
  }

  test('the VirtualBox display driver beats the inbox basic display adapter', () => {
    const vbox = logs
      .flatMap(({ log }) => log.lists.map((list) => ({ log, list })))
      .find(
        ({ list }) =>
          list.nodes.length === 2 && list.nodes.some((entry) => entry.infName === 'display.inf'),
      );
    assert.ok(vbox);
    const { packages, rows } = catalogOf(vbox.log, vbox.list);
    const node = {
      instanceId: 'vbox',
      hardwareIds: vbox.list.hardwareIds,
      compatibleIds: vbox.list.compatibleIds,
      installedDriver: null,
      extensionDrivers: [],
    };
    const result = evaluateNode(
      node,
      { os: osOf(vbox.log), chids: [] },
      buildCatalogIndex(packages, rows),
    );

    assert.deepEqual(
      result.candidates.map((entry) => [entry.infName, entry.rankText]),
      [
        ['vboxvideow8.inf', '0x00F80003'],
        ['display.inf', '0x00FB2004'],
      ],
    );
  });
});
