// Device reports of a generated fleet. Each machine is derived from its index alone, so reports
// stream one at a time; the device nodes of a model, OS generation and wave are built once and
// shared by every machine that has them.
import type {
  DeviceNode,
  DeviceReport,
  InstalledDriver,
  InstalledExtension,
} from '../report-types.js';
import type { DeviceIdLists } from './device-ids.js';
import { deviceIdLists, firmwareIdLists, instanceIdOf, modelLineIds } from './device-ids.js';
import type { DriverFamily } from './driver-families.js';
import { driverFamilies, familyByKey } from './driver-families.js';
import type { HardwareModel, ModelPart } from './hardware-models.js';
import type { Release, WaveInstall } from './releases.js';
import { planWaves } from './releases.js';
import { SeededRandom, mixSeed } from './seeded-random.js';

export interface FleetPlan {
  readonly seed: number;
  readonly now: Date;
  readonly models: readonly HardwareModel[];
  readonly releases: ReadonlyMap<string, readonly Release[]>;
  readonly firmware: ReadonlyMap<number, readonly Release[]>;
}

// Most units run the current feature update of their generation; a few lag or lead.
const windows10Builds = [...Array<string>(9).fill('10.0.19045'), '10.0.19044'];
const windows11Builds = [...Array<string>(4).fill('10.0.22631'), '10.0.26100'];
const revisions = [3803, 4046, 4291, 4460, 4602];

export class ReportFactory {
  private readonly nodeCache = new Map<string, readonly DeviceNode[]>();
  private readonly cumulativeWeights: number[];

  constructor(private readonly plan: FleetPlan) {
    let total = 0;
    this.cumulativeWeights = plan.models.map((model) => (total += model.weight));
  }

  deviceIdAt(index: number): string {
    return new SeededRandom(mixSeed(this.plan.seed, 0x646576, index)).guid();
  }

  isPilot(index: number): boolean {
    return new SeededRandom(mixSeed(this.plan.seed, 0x706c74, index)).chance(0.05);
  }

  reportAt(index: number): DeviceReport {
    const random = new SeededRandom(mixSeed(this.plan.seed, 0x6d6163, index));
    const model = this.pickModel(random.next());
    const windows11 = random.next() < model.windows11Share;
    const wave = pickShare(model.waveShares, random.next());
    const build = random.pick(windows11 ? windows11Builds : windows10Builds);
    const reportedAt = this.plan.now.getTime() - random.below(7 * 86_400) * 1000;
    const base = this.modelNodes(model, windows11, wave);
    const docked = random.chance(0.25);
    const extra = model.peripherals
      .filter((part) => (part.part.role === 'dock' ? docked : random.chance(0.06)))
      .map((part) => this.peripheralNode(model, part, windows11, random));

    return {
      deviceId: this.deviceIdAt(index),
      deviceName: `DG-${String(index + 1).padStart(7, '0')}`,
      reportedDateTime: new Date(reportedAt).toISOString(),
      os: { version: `${build}.${random.pick(revisions)}`, architecture: model.architecture },
      computerHardwareIds: model.chids,
      devices: extra.length === 0 ? base : [...base, ...extra],
    };
  }

  private pickModel(roll: number): HardwareModel {
    const target = roll * (this.cumulativeWeights[this.cumulativeWeights.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulativeWeights.length - 1;

    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulativeWeights[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }

    return this.plan.models[low] as HardwareModel;
  }

  private modelNodes(
    model: HardwareModel,
    windows11: boolean,
    wave: number,
  ): readonly DeviceNode[] {
    const key = `${model.index}/${windows11 ? 11 : 10}/${wave}`;
    const cached = this.nodeCache.get(key);
    if (cached !== undefined) return cached;

    const nodes = model.parts.map((part, position) => {
      const family = familyByKey(part.part.familyKey);
      const install = this.waveInstall(model, position, family, wave);

      return buildNode(
        part,
        instanceIdOf(part, part.location),
        windows11,
        family,
        install,
        this.releasesOf(family),
      );
    });
    nodes.push(this.firmwareNode(model, wave));
    this.nodeCache.set(key, nodes);

    return nodes;
  }

  private peripheralNode(
    model: HardwareModel,
    part: ModelPart,
    windows11: boolean,
    random: SeededRandom,
  ): DeviceNode {
    const family = familyByKey(part.part.familyKey);
    const releases = this.releasesOf(family);
    // Peripherals are not imaged, but most units of a model got the same driver with them.
    const usual =
      mixSeed(this.plan.seed, model.index, part.location.length) % Math.max(1, releases.length);
    const index = random.chance(0.85) ? usual : random.below(Math.max(1, releases.length));
    const partKey = `${part.part.vendorId}${part.part.deviceId}`;
    const key = `${model.index}/p${partKey}/${windows11 ? 11 : 10}/${index}`;
    let node = this.nodeCache.get(key)?.[0];
    if (node === undefined) {
      const install: WaveInstall = family.inbox ? { kind: 'none' } : { kind: 'release', index };
      node = buildNode(
        part,
        instanceIdOf(part, part.location),
        windows11,
        family,
        install,
        releases,
      );
      this.nodeCache.set(key, [node]);
    }

    // A serial number becomes the instance ID, so each unit's device differs from the others.
    return part.part.serialNumbered === true
      ? { ...node, instanceId: instanceIdOf(part, random.hex(12)) }
      : node;
  }

  private firmwareNode(model: HardwareModel, wave: number): DeviceNode {
    const releases = this.plan.firmware.get(model.index) ?? [];
    const release = releases[Math.min(wave, releases.length - 1)];
    const [major = 1, minor = 0] = (release?.version ?? '1.0.0.0').split('.').map(Number);
    const lists = firmwareIdLists(model.firmwareGuid, (major << 16) | minor);
    const matchingId = lists.hardwareIds[1] ?? null;

    return {
      instanceId: `UEFI\\RES_{${model.firmwareGuid.toUpperCase()}}\\0`,
      ...lists,
      installedDriver:
        release === undefined
          ? null
          : {
              infName: 'oem3.inf',
              provider: model.manufacturer,
              class: 'Firmware',
              version: release.version,
              date: release.date,
              matchingId,
              rank: '0x00FF0001',
            },
      extensionDrivers: [],
    };
  }

  private waveInstall(
    model: HardwareModel,
    position: number,
    family: DriverFamily,
    wave: number,
  ): WaveInstall {
    if (family.inbox) return { kind: 'none' };

    const waves = planWaves(model, position, family, this.releasesOf(family), this.plan.seed);

    return waves[wave] ?? { kind: 'none' };
  }

  private releasesOf(family: DriverFamily): readonly Release[] {
    return this.plan.releases.get(family.key) ?? [];
  }
}

function buildNode(
  part: ModelPart,
  instanceId: string,
  windows11: boolean,
  family: DriverFamily,
  install: WaveInstall,
  releases: readonly Release[],
): DeviceNode {
  const lists = deviceIdLists(part, windows11);
  const oemNumber = 10 + driverFamilies.indexOf(family) * 2;

  if (family.inbox) {
    return {
      instanceId,
      ...lists,
      installedDriver: inboxDriver(part, lists, family, windows11),
      extensionDrivers: [],
    };
  }

  const release =
    install.kind === 'release'
      ? releases[install.index]
      : install.kind === 'none'
        ? undefined
        : install.release;
  if (release === undefined)
    return { instanceId, ...lists, installedDriver: null, extensionDrivers: [] };

  const ids = modelLineIds(part);
  // OEM-specific packages list the SUBSYS line, except the newest generic one, which the OEM
  // variant of the same release covers with the same line.
  const matchingId = family.oemSpecific ? ids.specific : ids.generic;
  const installedDriver: InstalledDriver = {
    infName: `oem${oemNumber}.inf`,
    provider: family.provider,
    class: family.infClass,
    version: release.version,
    date: release.date,
    matchingId,
    rank: rankOf(matchingId, lists, family.featureScore),
  };
  const extensionDrivers = extensionsFor(family, install, releases, oemNumber);

  return { instanceId, ...lists, installedDriver, extensionDrivers };
}

function extensionsFor(
  family: DriverFamily,
  install: WaveInstall,
  releases: readonly Release[],
  oemNumber: number,
): InstalledExtension[] {
  if (
    family.extensionId === null ||
    install.kind !== 'release' ||
    install.index < releases.length - 2
  ) {
    return [];
  }

  const release = releases[install.index] as Release;

  return [
    {
      extensionId: family.extensionId,
      infName: `oem${oemNumber + 1}.inf`,
      version: release.version,
      date: release.date,
    },
  ];
}

function inboxDriver(
  part: ModelPart,
  lists: DeviceIdLists,
  family: DriverFamily,
  windows11: boolean,
): InstalledDriver {
  const matchingId =
    part.part.bus === 'pci'
      ? `PCI\\CC_${part.part.classCode}`
      : (lists.compatibleIds[lists.compatibleIds.length - 1] ?? lists.hardwareIds[1] ?? null);

  return {
    infName: `${family.fileBase}.inf`,
    provider: 'Microsoft',
    class: family.infClass,
    version: windows11 ? '10.0.22621.1' : '10.0.19041.1',
    date: '2006-06-21',
    matchingId,
    rank: matchingId === null ? null : rankOf(matchingId, lists, null),
  };
}

/** `0xSSGGTHHH` for a trusted signature: the match type and position as Windows computes them. */
function rankOf(matchingId: string, lists: DeviceIdLists, featureScore: number | null): string {
  const hardwareAt = lists.hardwareIds.indexOf(matchingId);
  const compatibleAt = lists.compatibleIds.indexOf(matchingId);
  const [type, position] = hardwareAt !== -1 ? [0, hardwareAt] : [2, Math.max(compatibleAt, 0)];
  const value = ((featureScore ?? 0xff) << 16) | (type << 12) | position;

  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

function pickShare(shares: readonly number[], roll: number): number {
  const total = shares.reduce((sum, share) => sum + share, 0);
  let target = roll * total;

  for (let index = 0; index < shares.length; index++) {
    target -= shares[index] ?? 0;
    if (target < 0) return index;
  }

  return shares.length - 1;
}
