// Which decorated models section of a [Manufacturer] entry serves the running OS: the highest
// decoration not above the OS that matches its architecture and product type.
import type { Architecture } from '../inf/types.js';
import type { ReportedOs } from '../fleet/report-types.js';

/** Workstation; servers report 3 and domain controllers 2. */
export const WORKSTATION_PRODUCT_TYPE = 1;

export interface OsTarget {
  readonly major: number;
  readonly minor: number;
  readonly build: number;
  readonly architecture: Architecture;
  readonly productType: number;
}

export interface Decoration {
  readonly architecture: Architecture | null;
  readonly osMajor: number | null;
  readonly osMinor: number | null;
  readonly productType: number | null;
  readonly build: number | null;
}

/** Null when the version is not `major.minor.build[.revision]`. */
export function osTargetOf(
  os: ReportedOs,
  productType: number = WORKSTATION_PRODUCT_TYPE,
): OsTarget | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:\.\d+)?$/.exec(os.version.trim());
  if (match === null) return null;

  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    build: Number(match[3]),
    architecture: os.architecture,
    productType,
  };
}

export function decorationKey(decoration: Decoration): string {
  return formatDecoration(decoration);
}

/** As an INF writes it: `NTamd64.10.0...22000`; `NT` for an undecorated or bare section. */
export function formatDecoration(decoration: Decoration): string {
  const fields = [
    decoration.osMajor,
    decoration.osMinor,
    decoration.productType,
    null,
    decoration.build,
  ].map((value) => (value === null ? '' : String(value)));
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  const base = `NT${decoration.architecture ?? ''}`;

  return fields.length === 0 ? base : `${base}.${fields.join('.')}`;
}

/** Why a decoration does not serve the OS, or null when it does. */
export function decorationMismatch(decoration: Decoration, os: OsTarget): string | null {
  const architecture = decoration.architecture ?? 'x86';
  if (architecture !== os.architecture) {
    return decoration.architecture === null
      ? `an undecorated models section serves x86 only, not ${os.architecture}`
      : `built for ${architecture}, not ${os.architecture}`;
  }

  if (decoration.osMajor !== null) {
    const major = decoration.osMajor;
    const minor = decoration.osMinor ?? 0;
    const above = major > os.major || (major === os.major && minor > os.minor);
    if (above) return `needs Windows ${major}.${minor}, above ${os.major}.${os.minor}`;

    // A build number is only compared when major.minor are the OS's own.
    const sameRelease = major === os.major && minor === os.minor;
    if (sameRelease && decoration.build !== null && decoration.build > os.build) {
      return `needs build ${decoration.build}, above ${os.build}`;
    }
  }

  if (decoration.productType !== null && decoration.productType !== os.productType) {
    return `for product type ${decoration.productType}, not ${os.productType}`;
  }

  return null;
}

/** The decoration Windows would use among those of one [Manufacturer] entry, or null for none. */
export function chooseDecoration(
  decorations: readonly Decoration[],
  os: OsTarget,
): Decoration | null {
  let best: Decoration | null = null;

  for (const decoration of decorations) {
    if (decorationMismatch(decoration, os) !== null) continue;
    if (best === null || compareDecorations(decoration, best) > 0) best = decoration;
  }

  return best;
}

/** Positive when `a` is the higher (more specific) decoration; ties broken by the text form. */
function compareDecorations(a: Decoration, b: Decoration): number {
  const left = decorationOrder(a);
  const right = decorationOrder(b);

  for (let i = 0; i < left.length; i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }

  const [keyA, keyB] = [decorationKey(a), decorationKey(b)];

  return keyA < keyB ? 1 : keyA > keyB ? -1 : 0;
}

function decorationOrder(decoration: Decoration): readonly number[] {
  return [
    decoration.osMajor ?? 0,
    decoration.osMinor ?? 0,
    decoration.build ?? 0,
    decoration.architecture === null ? 0 : 1,
    decoration.productType === null ? 0 : 1,
  ];
}
