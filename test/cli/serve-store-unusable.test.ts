// A `serve` whose store cannot be opened ends at once with exit code 1 and one line that names
// the store (never its password) and why, not a stack trace or a migration it never reached.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

async function serveWith(database: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--database', database],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DRIVERGRAPH_LOG_LEVEL: 'silent' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);

  return { code, stderr };
}

test('serve exits 1 naming a SQLite file that is not a database', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'drivergraph-store-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const file = join(folder, 'notes.db');
  await writeFile(file, 'these are not the pages of a SQLite database\n'.repeat(200));

  const { code, stderr } = await serveWith(`sqlite:${file}`);

  assert.equal(code, 1, stderr);
  assert.equal(stderr, `cannot open the store sqlite:${file}: file is not a database\n`);
});

test('serve exits 1 naming an unreachable PostgreSQL server without its password', async () => {
  // A port that was just free and is closed again refuses the connection at once.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));

  const { code, stderr } = await serveWith(`postgres://admin:hunter2@127.0.0.1:${port}/fleet`);

  assert.equal(code, 1, stderr);
  assert.match(stderr, new RegExp(`^cannot open the store postgres://127.0.0.1:${port}/fleet: `));
  assert.match(stderr, /ECONNREFUSED/);
  assert.doesNotMatch(stderr, /hunter2|admin/);
});
