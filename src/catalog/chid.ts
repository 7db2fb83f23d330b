// Computer hardware IDs are GUIDs that devices report in braces; the catalog keeps them in that
// form, lower-case, so a package's CHID list reads the same whichever way it was typed.
const chidPattern = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** `{guid}` in lower case, or null when the text is not a GUID (braces optional). */
export function normaliseChid(text: string): string | null {
  const match = chidPattern.exec(text.trim());
  const braced = text.trim().startsWith('{') === text.trim().endsWith('}');

  if (!match || !braced) return null;

  return `{${match[1]!.toLowerCase()}}`;
}
