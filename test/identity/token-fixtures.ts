// Builders for hand-made tokens: the verifier must refuse what a well-behaved issuer would
// never produce, so these sign whatever header and payload a test asks for.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { GraphError } from '../../src/graph/errors.js';
import type { ErrorKind } from '../../src/graph/errors.js';

export const tenantId = '6f1c0f4e-6d33-4f22-9d2a-1a7f3a0b5a11';
export const otherTenantId = '0b7e3c52-8f14-4a0c-b3f5-2d9e61c4a870';
export const publicUrl = 'http://127.0.0.1:8080';
export const now = new Date('2026-03-01T12:00:00Z');

export function encodePart(value: object | string): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);

  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The claims our issuer puts in a delegated token, at the fixed `now`. */
export function delegatedClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const issuedAt = Math.floor(now.getTime() / 1000);

  return {
    aud: 'https://graph.microsoft.com',
    iss: `${publicUrl}/${tenantId}/v2.0`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + 3600,
    tid: tenantId,
    oid: '5d2f8a41-93c6-4b7e-a0d1-6e4c2b9f8a13',
    sub: '5d2f8a41-93c6-4b7e-a0d1-6e4c2b9f8a13',
    azp: '3235f1aa-34ef-44c7-8ce5-4127b0f8d55e',
    ver: '2.0',
    scp: 'DeviceManagementConfiguration.ReadWrite.All',
    upn: 'admin@contoso.example',
    ...overrides,
  };
}

export async function signRs256(
  header: Record<string, unknown>,
  payload: object | string,
  key: CryptoKey,
): Promise<string> {
  const input = `${encodePart(header)}.${encodePart(payload)}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, Buffer.from(input));

  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

export function signHs256(header: Record<string, unknown>, payload: object, secret: string) {
  const input = `${encodePart(header)}.${encodePart(payload)}`;
  const signature = createHmac('sha256', secret).update(input).digest('base64url');

  return `${input}.${signature}`;
}

/** Asserts a 401/403 of the given kind whose message names the reason and not the token. */
export async function assertRefused(
  verification: Promise<unknown>,
  kind: ErrorKind,
  reason: RegExp | null,
  token?: string,
): Promise<void> {
  await assert.rejects(verification, (error: unknown) => {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    if (reason) assert.match(error.message, reason);
    for (const part of token?.split('.') ?? []) {
      if (part.length > 8) assert.ok(!error.message.includes(part), 'the message quotes the token');
    }

    return true;
  });
}
