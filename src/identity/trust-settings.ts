// Which token issuers and audiences the server trusts, from flags, environment and an optional
// JSON file (for several issuers), resolved once at start.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isGuid } from './guid.js';
import { entraIssuers } from './trusted-issuers.js';
import type { JwksSource, TrustedIssuerConfig } from './trusted-issuers.js';

export interface TrustSettings {
  /** Accepted `aud` values; null: Graph's URL and app id and the server's own URL. */
  readonly audiences: readonly string[] | null;
  readonly trustedIssuers: readonly TrustedIssuerConfig[];
}

export interface RawTrustOptions {
  readonly audience?: string | readonly string[];
  readonly trustIssuer?: string;
  readonly trustJwks?: string;
  readonly trustTenants?: string;
  readonly trustEntra?: boolean;
  readonly issuersFile?: string;
}

export class TrustSettingsError extends Error {
  override readonly name = 'TrustSettingsError';
}

export function resolveTrustSettings(raw: RawTrustOptions, cwd: string): TrustSettings {
  const file = raw.issuersFile ? readIssuersFile(resolvePath(raw.issuersFile, cwd)) : null;
  const tenants = raw.trustTenants ? tenantList(raw.trustTenants, '--trust-tenants') : null;
  const flagged = raw.trustIssuer
    ? [issuerConfig(raw.trustIssuer, raw.trustJwks, tenants, cwd, '--trust-issuer')]
    : [];
  if (!raw.trustIssuer && raw.trustJwks) {
    throw new TrustSettingsError('--trust-jwks needs --trust-issuer');
  }

  const audiences = raw.audience === undefined ? null : listOf(raw.audience);

  return Object.freeze({
    audiences: audiences ?? file?.audiences ?? null,
    trustedIssuers: Object.freeze([
      ...(file?.issuers ?? []),
      ...flagged,
      ...(raw.trustEntra ? entraIssuers(tenants) : []),
    ]),
  });
}

interface IssuersFile {
  readonly audiences: readonly string[] | null;
  readonly issuers: readonly TrustedIssuerConfig[];
}

function readIssuersFile(path: string): IssuersFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TrustSettingsError(`--issuers-file ${path}: ${(error as Error).message}`);
  }

  const fail = (why: string): never => {
    throw new TrustSettingsError(`--issuers-file ${path}: ${why}`);
  };
  if (!isRecord(parsed) || !Array.isArray(parsed.issuers)) return fail('needs an "issuers" array');
  if (parsed.audiences !== undefined && !isStringArray(parsed.audiences)) {
    return fail('"audiences" must be an array of strings');
  }

  const folder = dirname(path);
  const issuers = parsed.issuers.flatMap((entry: unknown, index: number) => {
    const where = `issuers[${index}]`;
    if (!isRecord(entry)) return fail(`${where} is not an object`);

    const tenants =
      entry.tenants === undefined ? null : tenantList(entry.tenants, `${where}.tenants`);
    if (entry.entra === true) return entraIssuers(tenants);
    if (typeof entry.issuer !== 'string') return fail(`${where} needs "issuer" or "entra": true`);

    const jwks = typeof entry.jwksUri === 'string' ? entry.jwksUri : entry.jwksFile;
    if (typeof jwks !== 'string') return fail(`${where} needs "jwksUri" or "jwksFile"`);

    return [issuerConfig(entry.issuer, jwks, tenants, folder, where)];
  });

  return { audiences: (parsed.audiences as string[] | undefined) ?? null, issuers };
}

function issuerConfig(
  issuer: string,
  jwks: string | undefined,
  tenants: readonly string[] | null,
  folder: string,
  where: string,
): TrustedIssuerConfig {
  if (!URL.canParse(issuer.replace('{tid}', '00000000-0000-0000-0000-000000000000'))) {
    throw new TrustSettingsError(`${where}: '${issuer}' is not an absolute URL`);
  }
  if (!jwks) throw new TrustSettingsError(`${where}: give the issuer's keys (a JWKS URL or file)`);

  return Object.freeze({ issuer, jwks: jwksSource(jwks, folder, where), tenants });
}

// A JWKS comes over https, or plain http on loopback only (a local test issuer).
function jwksSource(value: string, folder: string, where: string): JwksSource {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return { kind: 'file', path: resolvePath(value, folder) };
  }

  const url = new URL(value);
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TrustSettingsError(`${where}: the JWKS URL must use https`);
  }

  return { kind: 'url', url: url.href };
}

function tenantList(value: unknown, where: string): string[] {
  const items = typeof value === 'string' ? listOf(value) : value;
  if (!isStringArray(items) || items.length === 0 || !items.every(isGuid)) {
    throw new TrustSettingsError(`${where} must list tenant ids (GUIDs)`);
  }

  return items.map((item) => item.toLowerCase());
}

function listOf(value: string | readonly string[]): string[] {
  const items = typeof value === 'string' ? [value] : value;

  return items
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function resolvePath(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
