// Splits $filter text into tokens. Positions are 0-based character offsets into the text.
import { filterError } from './option-error.js';
import type { LiteralType } from './filter-ast.js';

type LiteralToken = {
  readonly kind: 'literal';
  readonly type: LiteralType;
  readonly text: string;
  readonly enumType?: string;
  readonly position: number;
};

export type Token =
  | {
      readonly kind: 'punct';
      readonly text: '(' | ')' | ',' | '/' | ':';
      readonly position: number;
    }
  | { readonly kind: 'word'; readonly text: string; readonly position: number }
  | LiteralToken
  | { readonly kind: 'end'; readonly position: number };

// Order matters: a GUID or a date-time starts with digits that would otherwise read as a number.
const patterns: readonly (readonly [LiteralType, RegExp])[] = [
  ['guid', /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y],
  ['dateTime', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})/iy],
  ['decimal', /-?\d+(?:\.\d+(?:e[+-]?\d+)?|e[+-]?\d+)(?![\w.])/iy],
  ['integer', /-?\d+(?![\w.:-])/y],
];

// Dotted words are qualified type names: casts in paths and the argument of isof.
const wordPattern = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
// SDKs write enum members qualified by their type: microsoft.graph.driverCategory'other'.
const enumTypePattern = /microsoft\.graph\.([A-Za-z_][A-Za-z0-9_]*)(?=')/y;
const datePattern = /\d{4}-\d{2}-\d{2}(?![\w:])/y;

function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      if (text[i + 1] !== "'") return { value, end: i + 1 };
      value += "'";
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }

  throw filterError('unterminated string literal', start);
}

function matchAt(pattern: RegExp, text: string, position: number): string | null {
  pattern.lastIndex = position;
  const match = pattern.exec(text);

  return match ? match[0] : null;
}

function readLiteral(text: string, position: number): LiteralToken | null {
  for (const [type, pattern] of patterns) {
    const found = matchAt(pattern, text, position);
    if (found !== null) return { kind: 'literal', type, text: found, position };
  }
  if (matchAt(datePattern, text, position) !== null) {
    throw filterError('a date needs a time and offset, as in 2026-01-01T00:00:00Z', position);
  }

  return null;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t') {
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '/' || ch === ':') {
      tokens.push({ kind: 'punct', text: ch, position: i });
      i += 1;
      continue;
    }
    if (ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'literal', type: 'string', text: value, position: i });
      i = end;
      continue;
    }

    const enumType = matchAt(enumTypePattern, text, i);
    if (enumType !== null) {
      const { value, end } = readString(text, i + enumType.length);
      const name = enumType.slice('microsoft.graph.'.length);
      tokens.push({ kind: 'literal', type: 'enum', text: value, enumType: name, position: i });
      i = end;
      continue;
    }

    const literal = readLiteral(text, i);
    if (literal) {
      tokens.push(literal);
      i += literal.text.length;
      continue;
    }

    const word = matchAt(wordPattern, text, i);
    if (word === null) throw filterError(`unexpected character '${ch}'`, i);
    tokens.push(wordToken(word, i));
    i += word.length;
  }
  tokens.push({ kind: 'end', position: text.length });

  return tokens;
}

function wordToken(word: string, position: number): Token {
  if (word === 'true' || word === 'false') {
    return { kind: 'literal', type: 'boolean', text: word, position };
  }
  if (word === 'null') return { kind: 'literal', type: 'null', text: word, position };

  return { kind: 'word', text: word, position };
}
