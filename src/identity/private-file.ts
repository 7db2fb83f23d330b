// Key rings are written whole to a private temporary file and flushed before they take their
// real name, so a process reading the ring concurrently never sees half of one.
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';

/** Writes `contents` beside `file`, then lets `place` give it the real name (rename or link). */
export async function placePrivateFile(
  file: string,
  contents: string,
  place: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);

  try {
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temporary);
  } finally {
    await rm(temporary, { force: true });
  }
}
