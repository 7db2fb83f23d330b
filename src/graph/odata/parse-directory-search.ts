// Graph's directory form of `$search`: clauses `"property:text"`, each in double quotes (with
// `\"` and `\\` inside), joined by upper-case AND and OR and grouped with parentheses. AND binds
// tighter than OR. A display name or description matches when every token of the text begins
// one of its tokens (search-tokens.ts); any other string property, when it starts with the text.
import type { EntitySpec } from './entity-spec.js';
import { findByName } from './entity-spec.js';
import { queryLimits } from './limits.js';
import { optionError } from './option-error.js';
import type { SearchExpression } from './query-options.js';
import { searchTokens } from './search-tokens.js';

type Piece =
  | { readonly kind: '(' | ')' | 'AND' | 'OR'; readonly at: number }
  | { readonly kind: 'clause'; readonly text: string; readonly at: number };

export function parseDirectorySearch(text: string, spec: EntitySpec): SearchExpression {
  if (text.length > queryLimits.maxSearchLength) {
    throw optionError('$search', `longer than ${queryLimits.maxSearchLength} characters`);
  }
  const pieces = piecesOf(text);
  if (pieces.length === 0) throw optionError('$search', 'the search is empty');

  const reader = { pieces, next: 0, spec };
  const expression = readOr(reader);
  const extra = pieces[reader.next];
  if (extra !== undefined) throw optionError('$search', `unexpected '${extra.kind}'`, extra.at);

  return expression;
}

interface Reader {
  readonly pieces: readonly Piece[];
  next: number;
  readonly spec: EntitySpec;
}

function readOr(reader: Reader): SearchExpression {
  let left = readAnd(reader);
  while (reader.pieces[reader.next]?.kind === 'OR') {
    reader.next += 1;
    left = { kind: 'or', left, right: readAnd(reader) };
  }

  return left;
}

function readAnd(reader: Reader): SearchExpression {
  let left = readPrimary(reader);
  while (reader.pieces[reader.next]?.kind === 'AND') {
    reader.next += 1;
    left = { kind: 'and', left, right: readPrimary(reader) };
  }

  return left;
}

function readPrimary(reader: Reader): SearchExpression {
  const piece = reader.pieces[reader.next];
  if (piece === undefined) throw optionError('$search', 'a clause is missing at the end');
  reader.next += 1;

  if (piece.kind === 'clause') return clauseOf(piece.text, piece.at, reader.spec);
  if (piece.kind !== '(') {
    throw optionError(
      '$search',
      `expected a "property:text" clause, not '${piece.kind}'`,
      piece.at,
    );
  }
  const inner = readOr(reader);
  if (reader.pieces[reader.next]?.kind !== ')') {
    throw optionError('$search', `a parenthesis opened here is not closed`, piece.at);
  }
  reader.next += 1;

  return inner;
}

function clauseOf(text: string, at: number, spec: EntitySpec): SearchExpression {
  const colon = text.indexOf(':');
  if (colon <= 0) {
    throw optionError('$search', `a clause is "property:text", not "${text}"`, at);
  }
  const name = text.slice(0, colon);
  const value = text.slice(colon + 1);
  const property = findByName(spec.properties, name);
  if (property === undefined) {
    throw optionError('$search', `'${name}' is not a property of ${spec.typeName}`, at);
  }

  const tokenColumn = spec.tokenSearch?.get(property.name);
  if (tokenColumn !== undefined) {
    const tokens = searchTokens(value);
    if (tokens.length === 0) throw optionError('$search', `nothing to search for in "${text}"`, at);

    return { kind: 'tokens', column: tokenColumn, tokens };
  }
  if (property.type !== 'string' || !property.filterable) {
    throw optionError('$search', `'${property.name}' cannot be searched`, at);
  }
  if (value === '') throw optionError('$search', `nothing to search for in "${text}"`, at);

  return { kind: 'prefix', column: property.column, text: value };
}

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/u.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')') {
      pieces.push({ kind: char, at });
      at += 1;
    } else if (char === '"') {
      const clause = quotedAt(text, at);
      pieces.push({ kind: 'clause', text: clause.text, at });
      at = clause.end;
    } else {
      const word = /^[^\s()"]+/u.exec(text.slice(at))![0];
      if (word !== 'AND' && word !== 'OR') {
        throw optionError('$search', `'${word}' is neither a quoted clause, AND nor OR`, at);
      }
      pieces.push({ kind: word, at });
      at += word.length;
    }
  }

  return pieces;
}

/** The clause in double quotes at `start`, with `\"` and `\\` read as the character escaped. */
function quotedAt(text: string, start: number): { readonly text: string; readonly end: number } {
  let clause = '';
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"') return { text: clause, end: at + 1 };
    if (char === '\\' && (text[at + 1] === '"' || text[at + 1] === '\\')) {
      clause += text[at + 1];
      at += 1;
    } else {
      clause += char;
    }
  }

  throw optionError('$search', 'a clause in double quotes is not closed', start);
}
