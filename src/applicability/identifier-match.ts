// The identifier part of a rank (0x0000THHH): which of the device's lists held the ID, which
// part of the INF model line offered it, and where each stood in its list.
import type { MatchType } from './rank.js';

export type DeviceIdList = 'hardware' | 'compatible';

export interface DeviceIdLists {
  readonly hardwareIds: readonly string[];
  readonly compatibleIds: readonly string[];
}

/** The side of the INF model line: its hardware ID, or its compatible ID at `position`. */
export interface InfIdentifier {
  readonly kind: 'hardware' | 'compatible';
  readonly position: number;
}

export interface IdentifierMatch {
  /** The device's ID as the device reported it. */
  readonly deviceId: string;
  readonly deviceList: DeviceIdList;
  readonly devicePosition: number;
  readonly matchType: MatchType;
  /** The HHH digits of the rank. */
  readonly position: number;
}

interface Occurrence {
  readonly deviceId: string;
  readonly list: DeviceIdList;
  readonly position: number;
}

/** Upper-cased ID → its first place in each of the device's lists. */
export type DeviceIdLookup = ReadonlyMap<string, readonly Occurrence[]>;

export function deviceIdLookup(lists: DeviceIdLists): DeviceIdLookup {
  const lookup = new Map<string, Occurrence[]>();
  const add = (ids: readonly string[], list: DeviceIdList): void => {
    for (let position = 0; position < ids.length; position += 1) {
      const deviceId = ids[position]!;
      const key = deviceId.toUpperCase();
      const occurrence = { deviceId, list, position };
      const known = lookup.get(key);
      if (known === undefined) lookup.set(key, [occurrence]);
      else if (!known.some((entry) => entry.list === list)) known.push(occurrence);
    }
  };

  add(lists.hardwareIds, 'hardware');
  add(lists.compatibleIds, 'compatible');

  return lookup;
}

/** The best identifier score an INF ID earns against the device, or null when it does not match. */
export function matchIdentifier(
  lookup: DeviceIdLookup,
  infId: string,
  inf: InfIdentifier,
): IdentifierMatch | null {
  const occurrences = lookup.get(infId.toUpperCase()) ?? [];
  let best: IdentifierMatch | null = null;

  for (const occurrence of occurrences) {
    const match = scoreOccurrence(occurrence, inf);
    if (best === null || identifierScore(match) < identifierScore(best)) best = match;
  }

  return best;
}

export function identifierScore(match: Pick<IdentifierMatch, 'matchType' | 'position'>): number {
  return match.matchType * 0x1000 + match.position;
}

function scoreOccurrence(occurrence: Occurrence, inf: InfIdentifier): IdentifierMatch {
  const fromDeviceHardware = occurrence.list === 'hardware';
  const fromInfHardware = inf.kind === 'hardware';
  const matchType: MatchType = fromDeviceHardware
    ? fromInfHardware
      ? 0
      : 1
    : fromInfHardware
      ? 2
      : 3;
  // Only a compatible-to-compatible match counts the INF side, 0x100 per place in its list.
  const position =
    matchType === 3 ? occurrence.position + 0x100 * inf.position : occurrence.position;

  return {
    deviceId: occurrence.deviceId,
    deviceList: occurrence.list,
    devicePosition: occurrence.position,
    matchType,
    position: Math.min(position, 0xfff),
  };
}
