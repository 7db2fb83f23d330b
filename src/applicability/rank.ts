// A driver rank is the 32-bit number 0xSSGGTHHH Windows logs for every driver node; lower wins.
// SS is the signature score, GG the feature score, T the identifier match type and HHH the
// position of the matching IDs.

/** 0: device hardware ID = INF hardware ID; 1: device hardware ID = INF compatible ID;
 * 2: device compatible ID = INF hardware ID; 3: device compatible ID = INF compatible ID. */
export type MatchType = 0 | 1 | 2 | 3;

/**
 * The signature classes Windows distinguishes. Every trusted signature (WHQL, inbox, Windows SE,
 * Authenticode) scores 0x00; an unsigned driver installed by an `.nt`-decorated install section
 * scores 0x80 (SIGNERSCORE_UNSIGNED), one without it 0xC0 (SIGNERSCORE_W9X_SUSPECT), and an
 * unknown signing state 0xFF (SIGNERSCORE_UNKNOWN).
 */
export type SignatureKind = 'trusted' | 'unsigned' | 'unsigned-non-nt' | 'unknown';

export interface RankParts {
  readonly signature: number;
  readonly featureScore: number;
  readonly matchType: MatchType;
  readonly position: number;
}

export const DEFAULT_FEATURE_SCORE = 0xff;

const signatureScores: Readonly<Record<SignatureKind, number>> = {
  trusted: 0x00,
  unsigned: 0x80,
  'unsigned-non-nt': 0xc0,
  unknown: 0xff,
};

const matchTypeWords: Readonly<Record<MatchType, string>> = {
  0: 'device hardware ID matches INF hardware ID',
  1: 'device hardware ID matches INF compatible ID',
  2: 'device compatible ID matches INF hardware ID',
  3: 'device compatible ID matches INF compatible ID',
};

export function signatureScore(kind: SignatureKind): number {
  return signatureScores[kind];
}

/** The signature class a score falls in, using the same thresholds as Windows' constants. */
export function signatureKindOf(score: number): SignatureKind {
  if (score >= 0xff) return 'unknown';
  if (score >= 0xc0) return 'unsigned-non-nt';
  if (score >= 0x80) return 'unsigned';

  return 'trusted';
}

export function describeMatchType(matchType: MatchType): string {
  return matchTypeWords[matchType];
}

export function composeRank(parts: RankParts): number {
  const position = Math.min(Math.max(parts.position, 0), 0xfff);

  // `>>> 0` keeps ranks with a signature score of 0x80 or more positive.
  return (
    ((parts.signature & 0xff) * 0x1000000 +
      (parts.featureScore & 0xff) * 0x10000 +
      parts.matchType * 0x1000 +
      position) >>>
    0
  );
}

export function rankParts(rank: number): RankParts {
  const value = rank >>> 0;

  return {
    signature: (value >>> 24) & 0xff,
    featureScore: (value >>> 16) & 0xff,
    matchType: ((value >>> 12) & 0x3) as MatchType,
    position: value & 0xfff,
  };
}

/** `0x00FF2001`: the form setupapi.dev.log and device reports use, upper-case digits. */
export function formatRank(rank: number): string {
  return `0x${(rank >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Accepts `0x00ff2001`, `00FF2001` or a plain number; null when the text is not a rank. */
export function parseRank(text: string | number): number | null {
  if (typeof text === 'number') {
    return Number.isInteger(text) && text >= 0 && text <= 0xffffffff ? text : null;
  }

  const match = /^\s*(?:0x)?([0-9a-f]{1,8})\s*$/i.exec(text);
  if (match === null || match[1] === undefined) return null;
  const value = Number.parseInt(match[1], 16);

  // The T digit only takes 0-3; anything else is not a driver rank.
  return ((value >>> 12) & 0xf) <= 3 ? value : null;
}
