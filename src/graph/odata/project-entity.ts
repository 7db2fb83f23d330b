// $select and nested $expand($select) on the JSON of one entity. Like Graph, only what was
// selected comes back: `id` is not added unless it is selected. Annotations (`@odata.*`) and
// expanded navigation properties always stay.
import type { ExpandItem } from './query-options.js';

type Json = Readonly<Record<string, unknown>>;

function keep(json: Json, select: readonly string[] | null, extra: readonly string[]): Json {
  if (select === null) return json;

  const wanted = new Set([...select, ...extra]);

  return Object.fromEntries(
    Object.entries(json).filter(([name]) => wanted.has(name) || name.includes('@odata.')),
  );
}

export function projectEntity(
  json: Json,
  select: readonly string[] | null,
  expand: readonly ExpandItem[] = [],
): Json {
  const projected = {
    ...keep(
      json,
      select,
      expand.map((item) => item.name),
    ),
  };
  for (const item of expand) {
    const value = projected[item.name];
    if (Array.isArray(value)) {
      projected[item.name] = value.map((child: Json) => keep(child, item.select, []));
    }
  }

  return projected;
}
