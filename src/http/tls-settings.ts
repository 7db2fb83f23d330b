import { isAbsolute, resolve } from 'node:path';
import type { TlsSetting } from './tls-files.js';

export interface RawTransportOptions {
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly tlsSelfSigned?: boolean;
  readonly maxHeaderSize?: string | number;
}

export interface TransportSettings {
  readonly tls: TlsSetting;
  /** Largest request head (request line and headers) Node accepts; above it, 431. */
  readonly maxHeaderBytes: number;
}

export class TransportSettingsError extends Error {
  override readonly name = 'TransportSettingsError';
}

// Room for a large Entra token (the verifier's own limit is 16 KB) and ordinary headers.
export const DEFAULT_MAX_HEADER_BYTES = 32 * 1024;

export function resolveTransportSettings(raw: RawTransportOptions, cwd: string): TransportSettings {
  const maxHeaderBytes = Number(raw.maxHeaderSize ?? DEFAULT_MAX_HEADER_BYTES);
  if (!Number.isInteger(maxHeaderBytes) || maxHeaderBytes < 8192 || maxHeaderBytes > 1_048_576) {
    throw new TransportSettingsError('--max-header-size must be an integer from 8192 to 1048576');
  }

  return Object.freeze({ tls: tlsSetting(raw, cwd), maxHeaderBytes });
}

function tlsSetting(raw: RawTransportOptions, cwd: string): TlsSetting {
  const files = raw.tlsCert !== undefined || raw.tlsKey !== undefined;
  if (files && raw.tlsSelfSigned) {
    throw new TransportSettingsError('give either --tls-cert and --tls-key or --tls-self-signed');
  }
  if (raw.tlsSelfSigned) return { kind: 'self-signed' };
  if (!files) return { kind: 'none' };
  if (!raw.tlsCert || !raw.tlsKey) {
    throw new TransportSettingsError('--tls-cert and --tls-key go together');
  }

  const path = (file: string) => (isAbsolute(file) ? file : resolve(cwd, file));

  return { kind: 'files', certFile: path(raw.tlsCert), keyFile: path(raw.tlsKey) };
}
