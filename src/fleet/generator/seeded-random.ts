// A small seeded generator (a Weyl sequence through a 32-bit avalanche mix) so that a fleet is
// the same for the same seed on every machine and Node version, without a dependency.

/** Mixes integers into one well-spread 32-bit seed; the same inputs always give the same seed. */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 0x811c9dc5;

  for (const part of parts) {
    hash = avalanche((hash ^ (part >>> 0)) + 0x9e3779b9);
    hash = avalanche(hash ^ Math.floor(part / 0x100000000));
  }

  return hash >>> 0;
}

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;

    return avalanche(this.state);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  between(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');

    return item;
  }

  hex(digits: number): string {
    let text = '';

    while (text.length < digits) text += this.nextUint32().toString(16).padStart(8, '0');

    return text.slice(0, digits).toUpperCase();
  }

  /** A random (version 4 shaped) GUID, lower-case, without braces. */
  guid(): string {
    const hex = this.hex(32).toLowerCase();
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);

    return (
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-` +
      `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    );
  }
}

function avalanche(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);

  return (z ^ (z >>> 16)) >>> 0;
}
