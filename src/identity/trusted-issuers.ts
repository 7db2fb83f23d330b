// Issuers other than the built-in one whose tokens the server accepts: Microsoft Entra ID or any
// OIDC provider, each with its own key set from a JWKS URL or, for air-gapped sites, a file.
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet } from 'jose';
import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';

export const ENTRA_V2_ISSUER = 'https://login.microsoftonline.com/{tid}/v2.0';
export const ENTRA_V1_ISSUER = 'https://sts.windows.net/{tid}/';
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export type JwksSource =
  { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

export interface TrustedIssuerConfig {
  /** The exact `iss`, where `{tid}` stands for the token's tenant id. */
  readonly issuer: string;
  readonly jwks: JwksSource;
  /** Tenants admitted from this issuer; null admits every tenant the issuer signs for. */
  readonly tenants: readonly string[] | null;
}

export interface TrustedIssuer {
  readonly config: TrustedIssuerConfig;
  /** The tenant the `iss` names through `{tid}`, '' when the template has none; null: no match. */
  match(iss: string): string | null;
  readonly keys: JWTVerifyGetKey;
}

/** Microsoft Entra ID's v2 and v1 issuers, which share one key set. */
export function entraIssuers(tenants: readonly string[] | null): TrustedIssuerConfig[] {
  const jwks = { kind: 'url', url: ENTRA_JWKS_URL } as const;

  return [
    { issuer: ENTRA_V2_ISSUER, jwks, tenants },
    { issuer: ENTRA_V1_ISSUER, jwks, tenants },
  ];
}

/** Builds the issuers, reading key files now; issuers with the same JWKS share one cache. */
export async function loadTrustedIssuers(
  configs: readonly TrustedIssuerConfig[],
): Promise<TrustedIssuer[]> {
  const keySets = new Map<string, JWTVerifyGetKey>();

  const keysFor = async (source: JwksSource): Promise<JWTVerifyGetKey> => {
    const id = `${source.kind}:${source.kind === 'url' ? source.url : source.path}`;
    const known = keySets.get(id);
    if (known) return known;

    const keys = source.kind === 'url' ? remoteKeys(source.url) : await fileKeys(source.path);
    keySets.set(id, keys);

    return keys;
  };

  const issuers: TrustedIssuer[] = [];
  for (const config of configs) {
    issuers.push({ config, match: issuerMatcher(config.issuer), keys: await keysFor(config.jwks) });
  }

  return issuers;
}

// jose caches the set, refetches at most every 30 s when a token names an unknown kid, and
// gives up on a slow endpoint after 5 s.
function remoteKeys(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
}

async function fileKeys(path: string): Promise<JWTVerifyGetKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not a readable JSON key set (${(error as Error).message})`);
  }
  if (!isKeySet(parsed)) throw new Error(`${path}: a JWKS needs a "keys" array`);

  return createLocalJWKSet(parsed);
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
  );
}

function issuerMatcher(template: string): (iss: string) => string | null {
  const parts = template.split('{tid}');
  if (parts.length > 2) throw new Error(`issuer '${template}' names {tid} more than once`);
  if (parts.length === 1) return (iss) => (iss === template ? '' : null);

  const [before = '', after = ''] = parts;
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  return (iss) => {
    if (!iss.startsWith(before) || !iss.endsWith(after)) return null;
    if (iss.length <= before.length + after.length) return null;

    const tid = iss.slice(before.length, iss.length - after.length);

    return guid.test(tid) ? tid.toLowerCase() : null;
  };
}
