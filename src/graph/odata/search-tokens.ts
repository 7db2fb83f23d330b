// How Graph's directory splits text for `$search`: at spaces, where a lower-case letter is
// followed by an upper-case one, where letters meet digits, and around every symbol, which is a
// token of its own. Words joined only by symbols are also kept as one token, so `helloworld`
// finds `hello.world`. Tokens are compared without case, and a search token matches every stored
// token it begins.

type CharClass = 'letter' | 'digit' | 'symbol';

const letter = /\p{L}/u;
const digit = /\p{Nd}/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;

/** The tokens of `text`, lower-cased, each once, in order of first appearance. */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const chunk of text.split(/\s+/u)) {
    const parts = chunkTokens(chunk);
    for (const part of parts) tokens.add(part.toLowerCase());

    const words = chunk.split(/[^\p{L}\p{Nd}]+/u).filter((word) => word !== '');
    if (words.length > 1 && words.length < parts.length) tokens.add(words.join('').toLowerCase());
  }

  return [...tokens];
}

/** The stored form of a value's tokens: each after a space, so a prefix match is a LIKE. */
export function searchTokenColumn(text: string): string;
export function searchTokenColumn(text: string | null): string | null;
export function searchTokenColumn(text: string | null): string | null {
  if (text === null) return null;

  return searchTokens(text)
    .map((token) => ` ${token}`)
    .join('');
}

function chunkTokens(chunk: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let previous: { readonly char: string; readonly kind: CharClass } | null = null;

  for (const char of chunk) {
    const kind = classOf(char);
    const startsToken =
      previous === null ||
      kind === 'symbol' ||
      kind !== previous.kind ||
      (lower.test(previous.char) && upper.test(char));
    if (startsToken && current !== '') {
      tokens.push(current);
      current = '';
    }
    current += char;
    previous = { char, kind };
  }
  if (current !== '') tokens.push(current);

  return tokens;
}

function classOf(char: string): CharClass {
  if (letter.test(char)) return 'letter';
  if (digit.test(char)) return 'digit';

  return 'symbol';
}
