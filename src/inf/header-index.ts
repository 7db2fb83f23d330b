import type { InfSection, SectionIndex, SectionRange } from './index-sections.js';
import { asciiMatchesLowered, lowerCaseKeepsLength } from './ascii-case.js';

/** A header's name as offsets into the text; cut into a string only when it is needed. */
export interface HeaderName {
  readonly start: number;
  readonly end: number;
  /** The name itself when trimming it needed more than ASCII blanks; otherwise cut on demand. */
  readonly exotic: string | null;
}

/** One `[name]` line and the body that follows it up to the next header. */
export interface Header {
  readonly name: HeaderName;
  /** The name's length in the text, compared before its letters. */
  readonly nameLength: number;
  readonly at: number;
  readonly bodyStart: number;
  bodyEnd: number;
  /** The section this header starts, once asked for: the first header of a name holds it. */
  section?: InfSection;
}

type MutableSection = { name: string; at: number; ranges: SectionRange[] };

// Up to this many headers a lookup walks them all; beyond, it walks those of its key's length.
const FEW_HEADERS = 8;
// Once lookups have compared this many headers for each one in the file, the headers are
// mapped by lower-cased name: from then on a lookup costs one hash, however many there are.
const WALKS_BEFORE_MAP = 4;
const NO_HEADERS: readonly Header[] = [];

function nameOf(text: string, header: Header): string {
  return header.name.exotic ?? text.slice(header.name.start, header.name.end);
}

// `key` is lower-cased already and as long as the name; a name beyond ASCII is lower-cased
// whole, which only such rare names pay for.
function nameMatches(text: string, header: Header, key: string): boolean {
  return (
    asciiMatchesLowered(text, header.name.start, key) ?? nameOf(text, header).toLowerCase() === key
  );
}

// A lookup compares the headers of its key's length with the lower-cased key letter by letter,
// so that it neither builds nor hashes a lower-cased name; a file looked up often enough for
// that to add up, as OEM INFs are once per model, maps each lower-cased name to its headers
// instead. Lower-casing keeps a name's length unless it holds a dotted capital I, and trimming
// keeps the offsets unless the name ends in white space beyond ASCII; a file with either
// compares lower-cased names whole. The merged section is kept on its first header.
export class HeaderIndex implements SectionIndex {
  readonly lowerCaseKeepsLength: boolean;
  private readonly plain: boolean;
  private byLength: Map<number, Header[]> | null = null;
  private byName: Map<string, Header[]> | null = null;
  private walked = 0;

  constructor(
    readonly text: string,
    private readonly headers: readonly Header[],
  ) {
    this.lowerCaseKeepsLength = lowerCaseKeepsLength(text);
    this.plain = this.lowerCaseKeepsLength && headers.every((header) => !header.name.exotic);
  }

  get(key: string): InfSection | undefined {
    const candidates = this.candidates(key);

    for (let i = 0; i < candidates.length; i++) {
      const header = candidates[i] as Header;

      if (this.carries(header, key)) {
        return (header.section ??= this.sectionFrom(candidates, i, key));
      }
    }

    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  keys(): string[] {
    return [...new Set(this.headers.map((header) => nameOf(this.text, header).toLowerCase()))];
  }

  private candidates(key: string): readonly Header[] {
    if (this.byName !== null) return this.byName.get(key) ?? NO_HEADERS;

    const group = this.sameLength(key);

    this.walked += group.length;
    if (this.walked > WALKS_BEFORE_MAP * this.headers.length) {
      this.byName = this.groupByName();

      return this.byName.get(key) ?? NO_HEADERS;
    }

    return group;
  }

  // Lower-casing keeps the length of names in a plain file, so only those of the key's length
  // can carry it.
  private sameLength(key: string): readonly Header[] {
    if (!this.plain || this.headers.length <= FEW_HEADERS) return this.headers;

    this.byLength ??= groupByLength(this.headers);

    return this.byLength.get(key.length) ?? NO_HEADERS;
  }

  private groupByName(): Map<string, Header[]> {
    const byName = new Map<string, Header[]>();

    for (const header of this.headers) {
      const name = nameOf(this.text, header).toLowerCase();
      const group = byName.get(name);

      if (group === undefined) byName.set(name, [header]);
      else group.push(header);
    }

    return byName;
  }

  private carries(header: Header, key: string): boolean {
    if (this.byName !== null) return true;
    if (!this.plain) return nameOf(this.text, header).toLowerCase() === key;

    return header.nameLength === key.length && nameMatches(this.text, header, key);
  }

  // The headers from `first` on that carry `key`, merged into one section.
  private sectionFrom(candidates: readonly Header[], first: number, key: string): MutableSection {
    const head = candidates[first] as Header;
    const section: MutableSection = { name: nameOf(this.text, head), at: head.at, ranges: [] };

    for (let i = first; i < candidates.length; i++) {
      const header = candidates[i] as Header;

      if (i > first && !this.carries(header, key)) continue;
      if (header.bodyEnd > header.bodyStart) {
        section.ranges.push({ start: header.bodyStart, end: header.bodyEnd });
      }
    }

    return section;
  }
}

function groupByLength(headers: readonly Header[]): Map<number, Header[]> {
  const byLength = new Map<number, Header[]>();

  for (const header of headers) {
    const group = byLength.get(header.nameLength);

    if (group === undefined) byLength.set(header.nameLength, [header]);
    else group.push(header);
  }

  return byLength;
}
