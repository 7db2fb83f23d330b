// Remembers which methods each path pattern accepts, so a known path with the wrong method
// answers 405 MethodNotAllowed rather than 404.
export class RouteTable {
  private readonly patterns: { regex: RegExp; methods: Set<string> }[] = [];

  add(method: string, url: string): void {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegex(part)))
      .join('/');
    const existing = this.patterns.find((p) => p.regex.source === `^${source}/?$`);
    if (existing) existing.methods.add(method);
    else
      this.patterns.push({ regex: new RegExp(`^${source}/?$`, 'i'), methods: new Set([method]) });
  }

  /** The methods a path accepts, or an empty list when no route has that shape. */
  methodsFor(path: string): string[] {
    const match = this.patterns.find((p) => p.regex.test(path));

    return match ? [...match.methods] : [];
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
