import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { enableWal } from './sqlite-wal.js';

let folder: string;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'drivergraph-wal-'));
});
after(() => rm(folder, { recursive: true, force: true }));

// A second connection in a read transaction holds the shared lock that keeps the switch out.
// The switching connection has no busy timeout, so it is refused at once, as a process is when
// another switches the file at the same moment, and its retries are what waits.
function heldOpen(path: string): SqliteDatabase.Database {
  const holder = new SqliteDatabase(path);
  holder.exec('create table if not exists t (x)');
  holder.exec('begin');
  holder.prepare('select count(*) from t').get();

  return holder;
}

describe('enableWal', () => {
  test('waits for another connection to let go, then switches', async () => {
    const path = join(folder, 'released.sqlite');
    const holder = heldOpen(path);
    const connection = new SqliteDatabase(path, { timeout: 0 });

    assert.throws(() => connection.pragma('journal_mode = WAL'), /database is locked/);
    setTimeout(() => holder.exec('commit'), 100);
    await enableWal(connection, 5000);

    assert.equal(connection.pragma('journal_mode', { simple: true }), 'wal');
    connection.close();
    holder.close();
  });

  test('gives up with the lock error once the time is out', async () => {
    const path = join(folder, 'held.sqlite');
    const holder = heldOpen(path);
    const connection = new SqliteDatabase(path, { timeout: 0 });

    await assert.rejects(enableWal(connection, 60), { code: 'SQLITE_BUSY' });
    connection.close();
    holder.exec('commit');
    holder.close();
  });
});
