// The order Windows uses between two drivers for one device: lower rank, then newer DriverVer
// date, then higher DriverVer version. A date beats a version.

export interface OrderedDriver {
  readonly rank: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `a.b.c.d`, each part 0-65535. */
  readonly version: string;
}

/** Four 16-bit parts; missing parts count as 0 and unreadable ones as 0 too, as DriverVer does. */
export function versionParts(version: string): readonly [number, number, number, number] {
  const parts = version
    .trim()
    .split('.')
    .map((part) => {
      const value = Number.parseInt(part, 10);

      return Number.isFinite(value) ? Math.min(Math.max(value, 0), 0xffff) : 0;
    });

  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0];
}

/** Negative when `a` is the lower version. */
export function compareVersions(a: string, b: string): number {
  // Installed drivers are most often a catalog version itself: skip parsing for the tie.
  if (a === b) return 0;

  const left = versionParts(a);
  const right = versionParts(b);

  for (let i = 0; i < 4; i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }

  return 0;
}

/** Negative when `a` is the older date; `YYYY-MM-DD` strings order as text. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` is the better driver. */
export function compareDriverOrder(a: OrderedDriver, b: OrderedDriver): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const byDate = compareDates(b.date, a.date);
  if (byDate !== 0) return byDate;

  return compareVersions(b.version, a.version);
}

/** Negative when `a` is newer: the order extensions are chosen by, where rank plays no part. */
export function compareNewest(
  a: Pick<OrderedDriver, 'date' | 'version'>,
  b: Pick<OrderedDriver, 'date' | 'version'>,
): number {
  const byDate = compareDates(b.date, a.date);

  return byDate !== 0 ? byDate : compareVersions(b.version, a.version);
}
