import { asciiMatchesLowered } from './ascii-case.js';

// Up to this many definitions a lookup walks them; beyond, they are put in a map once.
const FEW_DEFINITIONS = 32;

/**
 * The [Strings] lines of a file by name, compared case-insensitively; a later definition of a
 * name replaces an earlier one. A name is kept as the length of its line's start and compared
 * letter by letter, because a file looks up far fewer names than it defines.
 */
export class StringDefinitions {
  private readonly lines: string[] = [];
  /** The length of each line's name, which starts the line; 0 when `lowered` holds the name. */
  private readonly nameLengths: number[] = [];
  private readonly lowered: (string | null)[] = [];
  private byName: Map<string, number> | null = null;

  /** A line whose first `nameLength` characters are its name, in ASCII at both ends. */
  add(line: string, nameLength: number): void {
    this.push(line, nameLength, null);
  }

  /** A line whose name had to be cut and lower-cased already. */
  addNamed(lowered: string, line: string): void {
    this.push(line, 0, lowered);
  }

  /** The line that last defines `name` (lower-cased), or undefined. */
  find(name: string): string | undefined {
    const count = this.lines.length;

    if (count > FEW_DEFINITIONS) {
      this.byName ??= this.mapByName();

      const found = this.byName.get(name);

      return found === undefined ? undefined : this.lines[found];
    }
    for (let i = count - 1; i >= 0; i--) {
      if (this.matches(i, name)) return this.lines[i];
    }

    return undefined;
  }

  private push(line: string, nameLength: number, lowered: string | null): void {
    this.lines.push(line);
    this.nameLengths.push(nameLength);
    this.lowered.push(lowered);
    this.byName = null;
  }

  private mapByName(): Map<string, number> {
    const byName = new Map<string, number>();

    for (let i = 0; i < this.lines.length; i++) byName.set(this.nameAt(i), i);

    return byName;
  }

  private nameAt(i: number): string {
    const lowered = this.lowered[i];

    if (lowered !== null && lowered !== undefined) return lowered;

    return (this.lines[i] as string).slice(0, this.nameLengths[i]).toLowerCase();
  }

  private matches(i: number, name: string): boolean {
    const lowered = this.lowered[i];

    if (lowered !== null) return lowered === name;
    if (this.nameLengths[i] !== name.length) return false;

    return asciiMatchesLowered(this.lines[i] as string, 0, name) ?? this.nameAt(i) === name;
  }
}
