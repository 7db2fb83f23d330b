// Settings of a running service, resolved once (flag > environment > default), validated and
// frozen, then passed down. Nothing below the CLI reads the environment.
import { isAbsolute, resolve } from 'node:path';
import { resolveThrottleLimits, type RawThrottleOptions } from '../http/throttle-settings.js';
import type { ThrottleLimits } from '../http/throttle.js';
import type { TlsSetting } from '../http/tls-files.js';
import { resolveTransportSettings, type RawTransportOptions } from '../http/tls-settings.js';
import type { TrustedIssuerConfig } from '../identity/index.js';
import { resolveTrustSettings, type RawTrustOptions } from '../identity/trust-settings.js';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface ServeSettings {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** null: SQLite in the data folder. */
  readonly database: string | null;
  /** Connections per process when the database is PostgreSQL. */
  readonly poolSize: number;
  readonly demo: boolean;
  readonly worker: boolean;
  readonly logLevel: LogLevel;
  /** The URL clients and token issuers know the service by; null derives it from host:port. */
  readonly publicUrl: string | null;
  readonly bodyLimitBytes: number;
  readonly syncIntervalMs: number;
  /** How long a sync job's lease lasts before another worker may take the job over. */
  readonly syncLeaseMs: number;
  readonly shutdownGraceMs: number;
  readonly tls: TlsSetting;
  readonly maxHeaderBytes: number;
  readonly throttle: ThrottleLimits;
  /** Accepted token audiences; null: Graph's and the server's own URL. */
  readonly audiences: readonly string[] | null;
  readonly trustedIssuers: readonly TrustedIssuerConfig[];
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface RawServeOptions extends RawTransportOptions, RawThrottleOptions, RawTrustOptions {
  readonly host?: string;
  readonly port?: string | number;
  readonly data?: string;
  readonly database?: string;
  readonly poolSize?: string | number;
  readonly demo?: boolean;
  readonly worker?: boolean;
  readonly logLevel?: string;
  readonly publicUrl?: string;
  readonly bodyLimit?: string | number;
  readonly syncInterval?: string;
  readonly syncLease?: string;
}

export function resolveServeSettings(raw: RawServeOptions, cwd: string): ServeSettings {
  const port = integer('port', raw.port ?? 8080, 0, 65535);
  const logLevel = (raw.logLevel ?? 'info') as LogLevel;
  if (!logLevels.includes(logLevel)) {
    throw new SettingsError(`--log-level must be one of ${logLevels.join(', ')}`);
  }
  const dataDir = raw.data ?? './data';

  return Object.freeze({
    host: raw.host ?? '127.0.0.1',
    port,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    database: raw.database ? raw.database : null,
    poolSize: integer('pool-size', raw.poolSize ?? 10, 1, 1000),
    demo: raw.demo ?? false,
    worker: raw.worker ?? true,
    logLevel,
    publicUrl: raw.publicUrl ? raw.publicUrl.replace(/\/+$/, '') : null,
    bodyLimitBytes: integer('body-limit', raw.bodyLimit ?? 1_048_576, 1024, 64 * 1_048_576),
    syncIntervalMs: parseDuration('sync-interval', raw.syncInterval ?? '24h'),
    syncLeaseMs: shortDuration('sync-lease', raw.syncLease ?? '60s', 1_000, 3_600_000),
    shutdownGraceMs: 10_000,
    ...networkSettings(raw, cwd),
  });
}

function integer(name: string, value: string | number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SettingsError(`--${name} must be an integer from ${min} to ${max}`);
  }

  return n;
}

const units: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `24h`, `1d`; at least a minute, so a typo cannot turn syncs into a loop. */
export function parseDuration(name: string, text: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * units[match[2]!]! : Number.NaN;
  if (!(ms >= 60_000))
    throw new SettingsError(`--${name} must be a duration of at least 1m, e.g. 24h`);

  return ms;
}

const shortUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/** `500ms`, `30s`, `2m`, within the bounds given. */
export function shortDuration(name: string, text: string, minMs: number, maxMs: number): number {
  const match = /^(\d{1,7})(ms|s|m)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * shortUnits[match[2]!]! : Number.NaN;
  if (!(ms >= minMs && ms <= maxMs)) {
    throw new SettingsError(
      `--${name} must be a duration from ${minMs} ms to ${maxMs} ms, e.g. 30s`,
    );
  }

  return ms;
}

// TLS, header limits, throttling and trusted issuers are resolved beside the code that uses
// them; their mistakes are usage mistakes like any other setting's.
function networkSettings(raw: RawServeOptions, cwd: string) {
  try {
    const { audiences, trustedIssuers } = resolveTrustSettings(raw, cwd);

    return {
      ...resolveTransportSettings(raw, cwd),
      throttle: resolveThrottleLimits(raw),
      audiences,
      trustedIssuers,
    };
  } catch (error) {
    if (error instanceof Error && /SettingsError$/.test(error.name)) {
      throw new SettingsError(error.message);
    }
    throw error;
  }
}
