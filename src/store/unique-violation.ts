// A unique index refused a row. On a shared database this is how a race between two processes
// ends when both saw room for the same row; the loser can treat it as "someone else did it".
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  // 23505 is PostgreSQL's unique_violation; SQLite names the constraint that fired.
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
