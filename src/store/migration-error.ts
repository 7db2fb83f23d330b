export class MigrationError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}
