import type { Architecture, InfPlatform } from './types.js';
import { holdsTemplate } from './find-templates.js';

export interface ParsedDecoration {
  readonly platform: InfPlatform;
  /** The architecture as written (`amd64`, `AMD64`, or an unstamped `$ARCH$`). */
  readonly architectureText: string;
  /** Why the decoration cannot be read as Windows reads it, or null. */
  readonly problem: string | null;
}

export const UNDECORATED: InfPlatform = {
  architecture: null,
  osMajor: null,
  osMinor: null,
  productType: null,
  suiteMask: null,
  build: null,
};

const ARCHITECTURES: ReadonlyMap<string, Architecture> = new Map([
  ['x86', 'x86'],
  ['amd64', 'amd64'],
  ['arm', 'arm'],
  ['arm64', 'arm64'],
  ['ia64', 'ia64'],
]);
const DECIMAL = /^\d{1,10}$/;
const HEX = /^0x[0-9a-f]{1,8}$/i;

function parseNumber(text: string): number | null | undefined {
  if (text === '') return null;
  if (DECIMAL.test(text)) return Number(text);
  if (HEX.test(text)) return Number.parseInt(text.slice(2), 16);

  return undefined;
}

const LOWER_N = 110;
const LOWER_T = 116;
const TO_LOWER = 32;

/** Whether a decoration names an NT platform; only `N` and `T` lower-case to `n` and `t`. */
export function startsWithNt(decoration: string): boolean {
  return (
    (decoration.charCodeAt(0) | TO_LOWER) === LOWER_N &&
    (decoration.charCodeAt(1) | TO_LOWER) === LOWER_T
  );
}

// `NT` and `NTamd64` and the like, by far the most common decorations, name no version, so
// each architecture's platform is made once.
const ARCHITECTURE_ONLY: ReadonlyMap<Architecture | null, InfPlatform> = new Map(
  [null, ...ARCHITECTURES.values()].map((architecture) => [
    architecture,
    Object.freeze({ ...UNDECORATED, architecture }),
  ]),
);

/**
 * Reads `NT[arch][.major[.minor[.productType[.suiteMask[.build]]]]]`. Empty parts (as in
 * `NTamd64.10.0...16299`) mean "any"; case does not matter.
 */
export function parseDecoration(decoration: string): ParsedDecoration {
  if (!startsWithNt(decoration)) {
    return {
      platform: UNDECORATED,
      architectureText: '',
      problem: `decoration "${decoration}" does not start with NT`,
    };
  }

  if (!decoration.includes('.', 2)) {
    const architectureText = decoration.slice(2);
    const architecture = ARCHITECTURES.get(architectureText.toLowerCase()) ?? null;

    if (architectureText === '' || architecture !== null) {
      return { platform: ARCHITECTURE_ONLY.get(architecture)!, architectureText, problem: null };
    }
  }

  const parts = decoration.slice(2).split('.');
  const architectureText = parts[0] as string;
  const numberTexts = parts.slice(1);
  const architecture = ARCHITECTURES.get(architectureText.toLowerCase()) ?? null;
  const numbers = numberTexts.map(parseNumber);
  const problems: string[] = [];

  if (architectureText !== '' && architecture === null && !holdsTemplate(architectureText)) {
    problems.push(`unknown architecture "${architectureText}"`);
  }
  if (numbers.length > 5) problems.push('more than five version parts');
  if (numbers.some((value) => value === undefined)) problems.push('a version part is not a number');

  const platform: InfPlatform = {
    architecture,
    osMajor: numbers[0] ?? null,
    osMinor: numbers[1] ?? null,
    productType: numbers[2] ?? null,
    suiteMask: numbers[3] ?? null,
    build: numbers[4] ?? null,
  };
  const problem =
    problems.length === 0 ? null : `decoration "${decoration}": ${problems.join('; ')}`;

  return { platform, architectureText, problem };
}
