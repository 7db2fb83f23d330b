import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// Interactive-login strength: about 50 ms and 16 MiB per check, paid only by token requests.
const cost = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HASH_BYTES = 32;
const prefix = 'scrypt';

/** A new client secret: 32 random bytes, base64url, shown to the operator exactly once. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The first characters of a secret, as Entra shows them, so operators can tell secrets apart. */
export function secretHint(secret: string): string {
  return secret.slice(0, 3);
}

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, HASH_BYTES, cost);

  return [prefix, cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')]
    .map(String)
    .join('$');
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash ?? '', 'base64url');
  if (scheme !== prefix || !salt || expected.length !== HASH_BYTES) return false;

  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: cost.maxmem };
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), HASH_BYTES, options);

  return timingSafeEqual(actual, expected);
}

// Checked against when a client id is unknown, so that a wrong id costs as long as a wrong
// secret and response times do not reveal which client ids exist.
let decoy: Promise<string> | null = null;

export async function spendDecoyCheck(secret: string): Promise<void> {
  decoy ??= hashClientSecret(generateClientSecret());
  await verifyClientSecret(secret, await decoy);
}
