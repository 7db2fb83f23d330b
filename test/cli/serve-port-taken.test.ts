// A `serve` that cannot take its port must end with exit code 1, not linger with its sync
// worker running and no way to reach it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

test('serve exits 1 when its port is already taken', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  const data = await mkdtemp(join(tmpdir(), 'drivergraph-port-'));
  t.after(async () => {
    blocker.close();
    await rm(data, { recursive: true, force: true });
  });

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--data', data],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DRIVERGRAPH_LOG_LEVEL: 'silent' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);

  assert.equal(code, 1, `serve did not exit by itself: ${stderr}`);
  assert.match(stderr, /EADDRINUSE/);
});
