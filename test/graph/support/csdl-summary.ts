// Reads a CSDL document into the facts a client relies on: enum members, the properties of each
// structured type and the parameters of each action. Annotations and descriptions are dropped so
// that Microsoft's annotated metadata and our bare one compare equal when they agree.

export interface CsdlSummary {
  readonly enums: Record<string, string[]>;
  readonly entityTypes: Record<string, string[]>;
  readonly complexTypes: Record<string, string[]>;
  readonly actions: Record<string, string[]>;
  /** Types named as a BaseType, declared or not. */
  readonly baseTypes: string[];
}

const tagPattern = /<(\/?)([A-Za-z][\w:.]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g;
const attributePattern = /([\w:.-]+)="([^"]*)"/g;

interface Scope {
  readonly kind: string;
  readonly list: string[] | null;
}

export function summarizeCsdl(xml: string): CsdlSummary {
  const summary: CsdlSummary = {
    enums: {},
    entityTypes: {},
    complexTypes: {},
    actions: {},
    baseTypes: [],
  };
  const stack: Scope[] = [];
  const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');

  for (const match of text.matchAll(tagPattern)) {
    const [, closing, name = '', attributeText = '', selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    const attributes = attributesOf(attributeText);
    const list = listFor(summary, name, attributes);
    const parent = stack.at(-1)?.list ?? null;
    if (parent) describeMember(parent, name, attributes);
    if (!selfClosing) stack.push({ kind: name, list });
  }
  // Member order carries the enum values; property order carries no meaning.
  for (const record of [summary.entityTypes, summary.complexTypes]) {
    for (const list of Object.values(record)) list.sort();
  }

  return summary;
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key = '', value = ''] of text.matchAll(attributePattern)) attributes[key] = value;

  return attributes;
}

function listFor(
  summary: CsdlSummary,
  element: string,
  attributes: Record<string, string>,
): string[] | null {
  const name = attributes.Name ?? '';
  if (attributes.BaseType) summary.baseTypes.push(unalias(attributes.BaseType));
  switch (element) {
    case 'EnumType':
      return (summary.enums[name] = []);
    case 'EntityType':
      return (summary.entityTypes[name] = baseOf(attributes));
    case 'ComplexType':
      return (summary.complexTypes[name] = baseOf(attributes));
    case 'Action':
      return (summary.actions[name] = [`bound=${attributes.IsBound ?? 'false'}`]);
    default:
      return null;
  }
}

function baseOf(attributes: Record<string, string>): string[] {
  const facts = attributes.BaseType ? [`base ${unalias(attributes.BaseType)}`] : [];
  if (attributes.Abstract === 'true') facts.push('abstract');

  return facts;
}

function describeMember(list: string[], element: string, attributes: Record<string, string>) {
  const type = unalias(attributes.Type ?? '');
  const nullable = attributes.Nullable === 'false' ? ' not null' : '';
  switch (element) {
    case 'Member':
      list.push(`${attributes.Name}=${attributes.Value}`);
      break;
    case 'Property':
      list.push(`property ${attributes.Name} ${type}${nullable}`);
      break;
    case 'NavigationProperty':
      list.push(`navigation ${attributes.Name} ${type}`);
      break;
    case 'Parameter':
      list.push(`parameter ${attributes.Name} ${type}${nullable}`);
      break;
    case 'ReturnType':
      list.push(`returns ${type}`);
      break;
  }
}

/** `graph.x` and `microsoft.graph.x` name the same type. */
function unalias(type: string): string {
  return type.replace(/(^|\()graph\./g, '$1microsoft.graph.');
}
