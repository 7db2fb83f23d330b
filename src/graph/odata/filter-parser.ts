// Recursive descent over $filter tokens. Precedence, tightest first: not, comparisons and `in`,
// and, or. Depth and node count are bounded so hostile input costs little.
import type { CompareOp, LiteralNode, SyntaxNode } from './filter-ast.js';
import { filterError } from './option-error.js';
import { tokenize, type Token } from './filter-tokenizer.js';
import { queryLimits } from './limits.js';

const compareOps: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const unsupportedOps: ReadonlySet<string> = new Set(['has', 'add', 'sub', 'mul', 'div', 'mod']);

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the filter';
  if (token.kind === 'literal' && token.type === 'string') return `'${token.text}' (a string)`;

  return `'${token.text}'`;
}

class FilterParser {
  private index = 0;
  private depth = 0;
  private nodes = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): SyntaxNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw filterError(`unexpected ${describe(next)}`, next.position);

    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;

    return token;
  }

  private isWord(text: string): boolean {
    const token = this.peek();

    return token.kind === 'word' && token.text === text;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();

    return token.kind === 'punct' && token.text === text;
  }

  private accept(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.index += 1;

    return true;
  }

  private expectPunct(text: string, what: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) {
      throw filterError(`expected ${what} but found ${describe(token)}`, token.position);
    }
  }

  private count<T extends SyntaxNode>(node: T): T {
    this.nodes += 1;
    if (this.nodes > queryLimits.maxFilterNodes) {
      throw filterError(`more than ${queryLimits.maxFilterNodes} terms`, node.position);
    }

    return node;
  }

  private enter(position: number): void {
    this.depth += 1;
    if (this.depth > queryLimits.maxFilterDepth) {
      throw filterError(`nesting deeper than ${queryLimits.maxFilterDepth} levels`, position);
    }
  }

  private parseOr(): SyntaxNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      const { position } = this.next();
      const right = this.parseAnd();
      left = this.count({ kind: 'or', left, right, position });
    }

    return left;
  }

  private parseAnd(): SyntaxNode {
    let left = this.parseComparison();
    while (this.isWord('and')) {
      const { position } = this.next();
      const right = this.parseComparison();
      left = this.count({ kind: 'and', left, right, position });
    }

    return left;
  }

  private parseComparison(): SyntaxNode {
    const left = this.parseUnary();
    const token = this.peek();
    if (token.kind !== 'word') return left;
    if (compareOps.has(token.text)) {
      this.next();
      const right = this.parseUnary();

      return this.count({
        kind: 'compare',
        op: token.text as CompareOp,
        left,
        right,
        ...at(token),
      });
    }
    if (token.text === 'in') {
      this.next();

      return this.count({ kind: 'in', operand: left, items: this.parseList(), ...at(token) });
    }
    if (unsupportedOps.has(token.text)) {
      throw filterError(`the operator '${token.text}' is not supported`, token.position);
    }

    return left;
  }

  private parseList(): LiteralNode[] {
    this.expectPunct('(', "'(' after 'in'");
    const items: LiteralNode[] = [];
    do {
      const token = this.next();
      if (token.kind !== 'literal') {
        throw filterError(
          `expected a literal in the 'in' list but found ${describe(token)}`,
          token.position,
        );
      }
      items.push(this.count(literalNode(token)));
      if (items.length > queryLimits.maxInItems) {
        throw filterError(
          `an 'in' list longer than ${queryLimits.maxInItems} items`,
          token.position,
        );
      }
    } while (this.accept(','));
    this.expectPunct(')', "',' or ')' in the 'in' list");

    return items;
  }

  private parseUnary(): SyntaxNode {
    if (!this.isWord('not')) return this.parsePrimary();

    const { position } = this.next();
    this.enter(position);
    const operand = this.parseUnary();
    this.depth -= 1;

    return this.count({ kind: 'not', operand, position });
  }

  private parsePrimary(): SyntaxNode {
    const token = this.next();
    if (token.kind === 'punct' && token.text === '(') {
      this.enter(token.position);
      const inner = this.parseOr();
      this.expectPunct(')', "')'");
      this.depth -= 1;

      return inner;
    }
    if (token.kind === 'literal') {
      return this.count(literalNode(token));
    }
    if (token.kind !== 'word') {
      throw filterError(
        `expected a property, literal or function but found ${describe(token)}`,
        token.position,
      );
    }
    if (this.isPunct('(')) return this.parseCall(token.text, token.position);

    return this.parsePath(token.text, token.position);
  }

  private parseCall(name: string, position: number): SyntaxNode {
    this.next();
    this.enter(position);
    const args: SyntaxNode[] = [];
    if (!this.isPunct(')')) {
      do args.push(this.parseOr());
      while (this.accept(','));
    }
    this.expectPunct(')', "',' or ')' after a function argument");
    this.depth -= 1;

    return this.count({ kind: 'call', name, args, position });
  }

  private parsePath(first: string, position: number): SyntaxNode {
    const path = [first];
    while (this.accept('/')) {
      const segment = this.next();
      if (segment.kind !== 'word') {
        throw filterError(
          `expected a property name after '/' but found ${describe(segment)}`,
          segment.position,
        );
      }
      if ((segment.text === 'any' || segment.text === 'all') && this.isPunct('(')) {
        throw filterError(
          `the lambda operator '${segment.text}' is not supported`,
          segment.position,
        );
      }
      path.push(segment.text);
    }

    return this.count({ kind: 'property', path, position });
  }
}

function literalNode(token: Token & { kind: 'literal' }): LiteralNode {
  const { type, text, enumType } = token;

  return { kind: 'literal', type, text, ...(enumType !== undefined && { enumType }), ...at(token) };
}

function at(token: Token): { position: number } {
  return { position: token.position };
}

/** Parses $filter text to a syntax tree; every failure is a 400 naming the problem and place. */
export function parseFilter(text: string): SyntaxNode {
  if (text.length > queryLimits.maxFilterLength) {
    throw filterError(`longer than ${queryLimits.maxFilterLength} characters`);
  }
  if (text.trim() === '') throw filterError('the filter is empty');

  return new FilterParser(tokenize(text)).parse();
}
