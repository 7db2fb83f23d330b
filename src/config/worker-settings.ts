// Settings of a `drivergraph worker` process, resolved once (flag > environment > default),
// validated and frozen. A worker process runs sync jobs and the daily scheduler, no HTTP.
import { isAbsolute, resolve } from 'node:path';
import {
  logLevels,
  parseDuration,
  SettingsError,
  shortDuration,
  type LogLevel,
} from './serve-settings.js';

export interface WorkerSettings {
  readonly dataDir: string;
  /** null: SQLite in the data folder. */
  readonly database: string | null;
  /** Sync jobs this process runs at once, each in a worker loop of its own. */
  readonly concurrency: number;
  readonly poolSize: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly logLevel: LogLevel;
  readonly syncIntervalMs: number;
  /** How long a stop lets running syncs finish before giving their jobs back. */
  readonly shutdownGraceMs: number;
}

export interface RawWorkerOptions {
  readonly data?: string;
  readonly database?: string;
  readonly concurrency?: string | number;
  readonly poolSize?: string | number;
  readonly lease?: string;
  readonly poll?: string;
  readonly logLevel?: string;
  readonly syncInterval?: string;
}

export function resolveWorkerSettings(raw: RawWorkerOptions, cwd: string): WorkerSettings {
  const logLevel = (raw.logLevel ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new SettingsError(`--log-level must be one of ${logLevels.join(', ')}`);
  }
  const concurrency = integer('concurrency', raw.concurrency ?? 1, 1, 64);
  const dataDir = raw.data ?? './data';

  return Object.freeze({
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    database: raw.database ? raw.database : null,
    concurrency,
    // Each loop holds at most one connection at a time, plus its heartbeat and the scheduler.
    poolSize: integer('pool-size', raw.poolSize ?? 2 * concurrency + 1, 1, 1000),
    leaseMs: shortDuration('lease', raw.lease ?? '60s', 1_000, 3_600_000),
    pollMs: shortDuration('poll', raw.poll ?? '250ms', 10, 60_000),
    logLevel,
    syncIntervalMs: parseDuration('sync-interval', raw.syncInterval ?? '24h'),
    shutdownGraceMs: 10_000,
  });
}

function integer(name: string, value: string | number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SettingsError(`--${name} must be an integer from ${min} to ${max}`);
  }

  return n;
}
