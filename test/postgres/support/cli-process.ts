// Real `drivergraph` processes for the scale-out tests: the CLI run through tsx, its JSON log
// lines collected as they arrive, so a test can wait for one and read what each process did.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

const cliMain = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));

export interface LogLine {
  readonly msg?: string;
  readonly time?: string;
  readonly [field: string]: unknown;
}

export interface CliProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logs: readonly LogLine[];
  /** Resolves with the first log line (already seen or still to come) that matches. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  kill(): Promise<void>;
}

export function startCli(name: string, args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cliMain, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let pending = '';
  let errors = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = once(child, 'exit');

  const waitForLog = async (match: (line: LogLine) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logs.find(match);
      if (found) return found;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`${name}: expected log line not seen; stderr: ${errors.slice(-2000)}`);
      }
      await delay(20);
    }
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  const stop = async (graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return { name, child, logs, waitForLog, stop, kill };
}

/** Starts `serve` and resolves with the process and the URL it listens on. */
export async function startApiProcess(
  name: string,
  args: readonly string[],
): Promise<{ process: CliProcess; url: string }> {
  const api = startCli(name, ['serve', '--port', '0', '--log-level', 'info', ...args]);
  try {
    const line = await api.waitForLog((l) => l.msg === 'service listening');

    return { process: api, url: String(line.url) };
  } catch (error) {
    await api.kill();
    throw error;
  }
}
