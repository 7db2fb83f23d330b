// The generated catalog: every release of every driver family the fleet uses, OEM-specific
// and CHID-targeted variants, extension INFs, per-model firmware, and filler packages for
// hardware outside the fleet.
import type { DriverFamily } from './driver-families.js';
import { classGuidOf } from './driver-families.js';
import { modelLineIds } from './device-ids.js';
import type { GeneratedPackage } from './generated-package.js';
import type { HardwareModel, ModelPart } from './hardware-models.js';
import type { InfLine, InfSpec } from './inf-text.js';
import { writeInf } from './inf-text.js';
import type { Release } from './releases.js';

export interface CatalogInput {
  readonly models: readonly HardwareModel[];
  readonly families: readonly DriverFamily[];
  readonly releases: ReadonlyMap<string, readonly Release[]>;
  readonly firmware: ReadonlyMap<number, readonly Release[]>;
}

export function familyPackages(input: CatalogInput): GeneratedPackage[] {
  const packages: GeneratedPackage[] = [];

  for (const family of input.families) {
    const releases = input.releases.get(family.key) ?? [];
    const users = input.models.flatMap((model) =>
      [...model.parts, ...model.peripherals]
        .filter((part) => part.part.familyKey === family.key)
        .map((part) => ({ model, part })),
    );
    const generic = uniqueLines(users.map(({ part }) => genericLine(part)));
    const decorations = decorationsFor(users.map(({ model }) => model));

    releases.forEach((release, index) => {
      const newest = index === releases.length - 1;
      const specific =
        family.oemSpecific && !newest
          ? users.map(({ model, part }) => specificLine(model, part))
          : [];
      const spec = baseSpec(family, release, decorations(index), [...generic, ...specific]);
      packages.push(
        pack(
          spec,
          family.optional ? 'optional' : 'automatic',
          [],
          `${family.key}-${release.version}`,
        ),
      );

      if (family.oemSpecific && newest)
        packages.push(...oemPackages(family, release, users, decorations(index)));
      if (family.extensionId !== null && index >= releases.length - 2) {
        packages.push(...extensionPackages(family, release, users, decorations(index)));
      }
    });
  }

  return packages;
}

export function firmwarePackages(input: CatalogInput): GeneratedPackage[] {
  return input.models.flatMap((model) =>
    (input.firmware.get(model.index) ?? []).map((release) => {
      const guid = model.firmwareGuid.toUpperCase();
      const spec: InfSpec = {
        kind: 'firmware',
        provider: model.manufacturer,
        manufacturer: model.manufacturer,
        infClass: 'Firmware',
        classGuid: classGuidOf('Firmware'),
        extensionId: null,
        date: release.date,
        version: release.version,
        fileBase: `fw${model.index}`,
        decorations: [model.architecture === 'arm64' ? 'NTarm64' : 'NTamd64'],
        lines: [
          { description: `${model.name} System Firmware`, hardwareId: `UEFI\\RES_{${guid}}` },
        ],
        featureScore: null,
        firmwareGuid: guid,
      };

      return pack(spec, 'automatic', model.chids, `firmware-${model.index}-${release.version}`);
    }),
  );
}

function oemPackages(
  family: DriverFamily,
  release: Release,
  users: readonly { model: HardwareModel; part: ModelPart }[],
  decorations: readonly string[],
): GeneratedPackage[] {
  return groupByManufacturer(users).map(([manufacturer, group], index) => {
    const lines = uniqueLines(group.map(({ model, part }) => specificLine(model, part)));
    const chids = [...new Set(group.flatMap(({ model }) => model.chids))];
    const spec = { ...baseSpec(family, release, decorations, lines), manufacturer };

    return pack(spec, 'automatic', chids, `${family.key}-${release.version}-oem${index}`);
  });
}

function extensionPackages(
  family: DriverFamily,
  release: Release,
  users: readonly { model: HardwareModel; part: ModelPart }[],
  decorations: readonly string[],
): GeneratedPackage[] {
  return groupByManufacturer(users).map(([manufacturer, group], index) => {
    const spec: InfSpec = {
      ...baseSpec(
        family,
        release,
        decorations,
        uniqueLines(group.map(({ model, part }) => specificLine(model, part))),
      ),
      kind: 'extension',
      provider: manufacturer,
      manufacturer,
      infClass: 'Extension',
      classGuid: classGuidOf('Extension'),
      extensionId: family.extensionId,
      fileBase: `${family.fileBase}_ext${index}`,
      featureScore: null,
    };

    return pack(spec, 'automatic', [], `${family.key}-${release.version}-ext${index}`);
  });
}

export function baseSpec(
  family: DriverFamily,
  release: Release,
  decorations: readonly string[],
  lines: readonly InfLine[],
): InfSpec {
  return {
    kind: 'driver',
    provider: family.provider,
    manufacturer: family.manufacturer,
    infClass: family.infClass,
    classGuid: family.classGuid,
    extensionId: null,
    date: release.date,
    version: release.version,
    fileBase: family.fileBase,
    decorations,
    lines,
    featureScore: family.featureScore,
  };
}

export function pack(
  spec: InfSpec,
  publishing: GeneratedPackage['publishing'],
  chids: readonly string[],
  directory: string,
): GeneratedPackage {
  const payload = spec.kind === 'firmware' ? `${spec.fileBase}.bin` : `${spec.fileBase}.sys`;

  return {
    infName: `${spec.fileBase}.inf`,
    directory,
    text: writeInf(spec),
    publishing,
    chids,
    files: spec.kind === 'extension' ? [`${spec.fileBase}.cat`] : [`${spec.fileBase}.cat`, payload],
    kind: spec.kind,
  };
}

/** Older releases target any Windows 10; newer ones need 20H1 (build 19041) or later. */
function decorationsFor(models: readonly HardwareModel[]): (index: number) => string[] {
  const amd64 = models.some((model) => model.architecture === 'amd64');
  const arm64 = models.some((model) => model.architecture === 'arm64');

  return (index) => [
    ...(amd64 ? [index < 2 ? 'NTamd64.10.0...16299' : 'NTamd64.10.0...19041'] : []),
    ...(arm64 ? ['NTarm64.10.0...22000'] : []),
  ];
}

function genericLine(part: ModelPart): InfLine {
  return { description: part.part.name, hardwareId: modelLineIds(part).generic };
}

function specificLine(model: HardwareModel, part: ModelPart): InfLine {
  return {
    description: `${part.part.name} (${model.name})`,
    hardwareId: modelLineIds(part).specific,
  };
}

function uniqueLines(lines: readonly InfLine[]): InfLine[] {
  const seen = new Map<string, InfLine>();

  for (const line of lines) {
    if (!seen.has(line.hardwareId.toUpperCase())) seen.set(line.hardwareId.toUpperCase(), line);
  }

  return [...seen.values()];
}

function groupByManufacturer<T extends { model: HardwareModel }>(
  users: readonly T[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();

  for (const user of users) {
    const group = groups.get(user.model.manufacturer) ?? [];
    group.push(user);
    groups.set(user.model.manufacturer, group);
  }

  return [...groups.entries()];
}
