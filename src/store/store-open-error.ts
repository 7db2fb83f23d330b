/** The store named by a database setting could not be opened; the message names which one. */
export class StoreOpenError extends Error {
  constructor(description: string, cause: unknown) {
    super(`cannot open the store ${description}: ${messageOf(cause)}`, { cause });
    this.name = 'StoreOpenError';
  }
}

function messageOf(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length > 0) {
    return cause.errors.map(messageOf).join('; ');
  }

  return cause instanceof Error && cause.message ? cause.message : String(cause);
}
