// `drivergraph serve` as a real child process on a data folder, and a read-only look into its
// SQLite file that does not disturb it.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

export interface ServeProcess {
  readonly child: ChildProcess;
  /** Resolves to the URL once the banner names it. */
  readonly url: Promise<string>;
  /** Waits for the process to exit after a signal. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function spawnServe(dataDir: string, extraArgs: readonly string[] = []): ServeProcess {
  const args = ['--import', 'tsx', main, 'serve', '--data', dataDir, '--port', '0'];
  const child = spawn(process.execPath, [...args, '--log-level', 'warn', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /serving Microsoft Graph at (\S+)\/beta/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  url.catch(() => {});

  return {
    child,
    url,
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

export interface JobRow {
  readonly id: string;
  readonly state: string;
  readonly attempts: number;
  readonly lease_owner: string | null;
}

export interface JobReader {
  /** The profile's sync jobs, oldest first. */
  jobs(profileId: string): JobRow[];
  close(): void;
}

/** A read-only connection to the data folder's SQLite file; WAL lets it read beside a writer. */
export function openJobReader(dataDir: string): JobReader {
  const db = new Database(join(dataDir, 'drivergraph.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  const select = db.prepare(
    'select id, state, attempts, lease_owner from sync_jobs where profile_id = ? ' +
      'order by created_at, id',
  );

  return {
    jobs: (profileId) => select.all(profileId) as JobRow[],
    close: () => db.close(),
  };
}
