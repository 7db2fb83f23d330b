// What a collection exposes to OData query options. Only the columns named here ever reach SQL,
// so this model is the whitelist between user text and identifiers.

export type PropertyType =
  'string' | 'int' | 'boolean' | 'dateTimeOffset' | 'enum' | 'guid' | 'collection' | 'complex';

export interface PropertySpec {
  readonly name: string;
  readonly column: string;
  readonly type: PropertyType;
  readonly enumValues?: readonly string[];
  /** The enum's type name in microsoft.graph, which qualified enum literals must name. */
  readonly enumType?: string;
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly nullable: boolean;
  /** Sub-properties of a complex property that `a/b` paths may reach, each with its own column. */
  readonly properties?: ReadonlyMap<string, PropertySpec>;
}

export interface EntitySpec {
  readonly typeName: string;
  /**
   * Qualified names of the type and of every type it derives from: the casts a path may begin
   * with (`microsoft.graph.entity/id`), and the types `isof` holds true for.
   */
  readonly instanceOf: readonly string[];
  /** Types that Graph's collection may also hold and this one never does: `isof` is false. */
  readonly otherTypes: readonly string[];
  readonly properties: ReadonlyMap<string, PropertySpec>;
  readonly key: string;
  readonly searchable?: readonly string[];
  /**
   * Directory objects take `$search` in Graph's `"property:text"` form instead: these properties
   * match by the tokens stored in the named columns, other string properties by their start.
   */
  readonly tokenSearch?: ReadonlyMap<string, string>;
  readonly expandable?: ReadonlyMap<string, EntitySpec>;
}

export interface PropertyInput extends Omit<PropertySpec, 'properties'> {
  readonly properties?: readonly PropertyInput[];
}

export interface EntityInput {
  readonly typeName: string;
  /** Defaults to `microsoft.graph.` and the type name. */
  readonly qualifiedName?: string;
  /** Qualified names of the types it derives from; defaults to `microsoft.graph.entity`. */
  readonly baseTypes?: readonly string[];
  readonly otherTypes?: readonly string[];
  readonly key: string;
  readonly properties: readonly PropertyInput[];
  readonly searchable?: readonly string[];
  readonly tokenSearch?: Readonly<Record<string, string>>;
  readonly expandable?: Readonly<Record<string, EntitySpec>>;
}

function toPropertyMap(inputs: readonly PropertyInput[]): ReadonlyMap<string, PropertySpec> {
  const map = new Map<string, PropertySpec>();
  for (const input of inputs) {
    const { properties, ...rest } = input;
    map.set(input.name, properties ? { ...rest, properties: toPropertyMap(properties) } : rest);
  }

  return map;
}

/**
 * A property that can be filtered and sorted and is never null, the common case; `options`
 * says where one differs.
 */
export function property(
  name: string,
  column: string,
  type: PropertyType,
  options: Partial<Omit<PropertyInput, 'name' | 'column' | 'type'>> = {},
): PropertyInput {
  return { name, column, type, filterable: true, sortable: true, nullable: false, ...options };
}

/** Builds an EntitySpec from plain arrays, the form that reads best where specs are declared. */
export function defineEntity(input: EntityInput): EntitySpec {
  const qualifiedName = input.qualifiedName ?? `microsoft.graph.${input.typeName}`;

  return {
    typeName: input.typeName,
    instanceOf: [qualifiedName, ...(input.baseTypes ?? ['microsoft.graph.entity'])],
    otherTypes: input.otherTypes ?? [],
    key: input.key,
    properties: toPropertyMap(input.properties),
    ...(input.searchable ? { searchable: input.searchable } : {}),
    ...(input.tokenSearch ? { tokenSearch: new Map(Object.entries(input.tokenSearch)) } : {}),
    ...(input.expandable ? { expandable: new Map(Object.entries(input.expandable)) } : {}),
  };
}

/**
 * Finds a property by name. Graph resolves names case-insensitively, so an exact match wins and
 * a unique case-insensitive match is accepted.
 */
export function findByName<T>(map: ReadonlyMap<string, T>, name: string): T | undefined {
  const exact = map.get(name);
  if (exact !== undefined) return exact;

  const lower = name.toLowerCase();
  const matches = [...map.entries()].filter(([key]) => key.toLowerCase() === lower);

  return matches.length === 1 ? matches[0]?.[1] : undefined;
}

/** Walks an `a/b` path through complex properties; undefined when any segment is unknown. */
export function resolvePath(spec: EntitySpec, path: readonly string[]): PropertySpec | undefined {
  let properties: ReadonlyMap<string, PropertySpec> | undefined = spec.properties;
  let found: PropertySpec | undefined;
  for (const segment of path) {
    if (!properties) return undefined;
    found = findByName(properties, segment);
    if (!found) return undefined;
    properties = found.properties;
  }

  return found;
}
