// Release history: the versions each driver family shipped, the firmware each model shipped,
// and which release each model's image waves carry. The catalog and the reports both derive
// from this one plan, so installed drivers and catalog packages line up.
import type { DriverFamily } from './driver-families.js';
import type { HardwareModel } from './hardware-models.js';
import { SeededRandom, mixSeed } from './seeded-random.js';

export interface Release {
  readonly version: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/** What a model's wave has for one family: a catalog release, a newer OEM build, or nothing. */
export type WaveInstall =
  | { readonly kind: 'release'; readonly index: number }
  | { readonly kind: 'newer-than-catalog'; readonly release: Release }
  | { readonly kind: 'none' };

const day = 86_400_000;

export function planReleases(family: DriverFamily, seed: number, now: Date): Release[] {
  const random = new SeededRandom(mixSeed(seed, 0x72656c, hashText(family.key)));
  const count = random.between(3, 5);
  const [major, minor] = family.versionLine;
  let build = random.between(100, 4000);
  let date = now.getTime() - 30 * day - count * 120 * day;
  const releases: Release[] = [];

  for (let index = 0; index < count; index++) {
    date += random.between(45, 120) * day;
    build += random.between(20, 300);
    releases.push({
      version: `${major}.${minor}.${build}.${random.between(0, 999)}`,
      date: isoDate(date),
    });
  }

  return releases;
}

export function planFirmware(model: HardwareModel, seed: number, now: Date): Release[] {
  const random = new SeededRandom(mixSeed(seed, 0x66776d, model.index));
  const count = random.between(1, 3);
  const first = random.between(5, 20);

  return Array.from({ length: count }, (_, index) => ({
    version: `1.${first + index}.0.0`,
    date: isoDate(now.getTime() - (count - index) * random.between(60, 150) * day),
  }));
}

/** The install each of the model's waves carries for a family with `releases`. */
export function planWaves(
  model: HardwareModel,
  familyIndex: number,
  family: DriverFamily,
  releases: readonly Release[],
  seed: number,
): WaveInstall[] {
  const random = new SeededRandom(mixSeed(seed, 0x776176, model.index, familyIndex));
  const waves = model.waveShares.length;
  const start = random.below(Math.max(1, releases.length - 1));
  const newer = random.chance(0.12);
  const missing = family.optional && random.chance(0.3);
  const newest = releases[releases.length - 1];

  return Array.from({ length: waves }, (_, wave): WaveInstall => {
    if (missing) return { kind: 'none' };
    if (newer && wave === waves - 1 && newest !== undefined) {
      return { kind: 'newer-than-catalog', release: newerThan(newest) };
    }

    return { kind: 'release', index: Math.min(start + wave, releases.length - 1) };
  });
}

/** An OEM build that Windows Update never saw: a later build of the newest catalog version. */
function newerThan(release: Release): Release {
  const parts = release.version.split('.').map(Number);
  const build = Math.min((parts[2] ?? 0) + 7, 0xffff);
  const date = new Date(`${release.date}T00:00:00Z`).getTime() + 14 * day;

  return { version: `${parts[0]}.${parts[1]}.${build}.0`, date: isoDate(date) };
}

export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function hashText(text: string): number {
  let hash = 0x811c9dc5;

  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }

  return hash >>> 0;
}
