// Switching a new database file to write-ahead logging reads the file under a shared lock, then
// needs it exclusive. When two processes switch it at once, each holds the shared lock the other
// waits on; SQLite breaks that deadlock by refusing one of them at once ("database is locked"),
// without its busy timeout. The switch is recorded in the file, so the first process that makes
// it settles it for all; the refused one tries again until then.
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';

const RETRY_MS = 20;

function isBusy(error: unknown): boolean {
  return error instanceof SqliteDatabase.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/** Puts the file in WAL mode, waiting up to `timeoutMs` for other processes to let it. */
export async function enableWal(
  connection: SqliteDatabase.Database,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    try {
      connection.pragma('journal_mode = WAL');

      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    }
    await sleep(RETRY_MS + Math.random() * RETRY_MS);
  }
}
