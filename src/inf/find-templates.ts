import type { InfWarning } from './types.js';
import { createLineLocator } from './locate-lines.js';

/** `$ARCH$` as stampinf writes it; the one template readInf can fill itself. */
export const ARCH_TEMPLATE = '$ARCH$';

// `$NAME$` (stampinf), `#NAME#` and `@NAME@` (build scripts). The closing mark must match the
// opening one and names are plain identifiers, so the scan is linear.
const TEMPLATE = /([$#@])[A-Za-z_][A-Za-z0-9_]*\1/g;

// INF signatures look like templates but are literal values Windows expects.
const SIGNATURES = new Set(['$chicago$']);

/** Replaces stampinf's `$ARCH$` with the target architecture, as stampinf -a does. */
export function stampArchitecture(text: string, architecture: string | undefined): string {
  if (architecture === undefined || !text.includes(ARCH_TEMPLATE)) return text;

  return text.replaceAll(ARCH_TEMPLATE, architecture);
}

/** Every distinct template marker outside comments, in order of first appearance. */
export function findTemplates(text: string, warnings: InfWarning[]): string[] {
  const found = new Set<string>();
  const locate = createLineLocator(text);

  for (const match of text.matchAll(TEMPLATE)) {
    const marker = match[0];

    if (found.has(marker) || SIGNATURES.has(marker.toLowerCase())) continue;

    const location = locate(match.index);

    if (location.inComment) continue;

    const hint =
      marker === ARCH_TEMPLATE
        ? 'stampinf fills it; give an architecture to stamp it'
        : 'the INF cannot be installed as it is';

    found.add(marker);
    warnings.push({
      line: location.line,
      message: `template ${marker} is not filled in; ${hint}`,
    });
  }

  return [...found];
}
