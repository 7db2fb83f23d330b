// Opens the store named on the command line, as a starting `serve` or `worker` would, then
// closes it. It waits for a line on stdin first, so a test can start several at one moment.
// Exit code 0 when the schema came up, 1 with the error on stderr when it did not.
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { openStore } from '../../../src/store/open-store.js';

process.stdout.write('ready\n');
await once(process.stdin.setEncoding('utf8'), 'data');

try {
  const store = await openStore(process.argv[2] ?? null, tmpdir(), { poolSize: 2 });
  await store.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
process.stdin.destroy();
