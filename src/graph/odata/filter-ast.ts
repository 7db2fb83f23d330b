// Two trees: the syntax tree the parser reads from $filter text, and the bound tree that the
// type checker produces against an EntitySpec. Only the bound tree reaches SQL.
import type { PropertyType } from './entity-spec.js';

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type MatchFunction = 'startswith' | 'endswith' | 'contains';

export type LiteralType =
  'string' | 'integer' | 'decimal' | 'boolean' | 'null' | 'dateTime' | 'guid' | 'enum';

export interface LiteralNode {
  readonly kind: 'literal';
  readonly type: LiteralType;
  /** The literal's value as text: strings unescaped, everything else as written. */
  readonly text: string;
  /** For a qualified enum literal (`microsoft.graph.driverCategory'other'`), its type's name. */
  readonly enumType?: string;
  readonly position: number;
}

export interface PropertyNode {
  readonly kind: 'property';
  readonly path: readonly string[];
  readonly position: number;
}

export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly SyntaxNode[];
  readonly position: number;
}

export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly left: SyntaxNode;
  readonly right: SyntaxNode;
  readonly position: number;
}

export interface NotNode {
  readonly kind: 'not';
  readonly operand: SyntaxNode;
  readonly position: number;
}

export interface CompareNode {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: SyntaxNode;
  readonly right: SyntaxNode;
  readonly position: number;
}

export interface InNode {
  readonly kind: 'in';
  readonly operand: SyntaxNode;
  readonly items: readonly LiteralNode[];
  readonly position: number;
}

export type SyntaxNode =
  LiteralNode | PropertyNode | CallNode | LogicalNode | NotNode | CompareNode | InNode;

/** A value already normalised to the storage format: booleans as 1/0, datetimes as ISO UTC. */
export type StoredValue = string | number;

export interface BoundColumn {
  readonly column: string;
  readonly type: PropertyType;
  readonly nullable: boolean;
}

export type BoundFilter =
  | { readonly kind: 'and' | 'or'; readonly left: BoundFilter; readonly right: BoundFilter }
  | { readonly kind: 'not'; readonly operand: BoundFilter }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly target: BoundColumn;
      readonly value: StoredValue | null;
    }
  | {
      readonly kind: 'in';
      readonly target: BoundColumn;
      readonly values: readonly StoredValue[];
      readonly includesNull: boolean;
    }
  | {
      readonly kind: 'match';
      readonly fn: MatchFunction;
      readonly target: BoundColumn;
      readonly value: string;
    }
  | { readonly kind: 'constant'; readonly value: boolean };
