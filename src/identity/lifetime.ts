import { TokenRequestError } from './token-request-error.js';

// Entra's own access tokens live 60 to 90 minutes; a day is generous for CI and still bounds
// how long a leaked token stays useful.
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const unitSeconds: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };
const lifetimePattern = /^(\d{1,6})([smh]?)$/;

/** Reads `90s`, `30m`, `1h` or a bare number of seconds. */
export function parseLifetime(text: string): number {
  const match = lifetimePattern.exec(text.trim());
  if (!match) {
    throw new TokenRequestError(
      `invalid lifetime '${text}': use a whole number of seconds, or a number with s, m or h ` +
        `(for example 90s, 30m, 1h)`,
    );
  }

  const seconds = Number(match[1]) * (unitSeconds[match[2] || 's'] ?? 1);
  checkLifetime(seconds);

  return seconds;
}

export function checkLifetime(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new TokenRequestError(`invalid lifetime: ${seconds} is not a positive whole number`);
  }
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new TokenRequestError(
      `invalid lifetime: ${seconds} seconds is longer than the maximum of 24h ` +
        `(${MAX_TOKEN_LIFETIME_SECONDS} seconds)`,
    );
  }
}
