// Intune's throttling, per tenant and per app within a tenant, in fixed windows: over a limit
// the answer is 429 TooManyRequests with Retry-After, the seconds until the window ends.
import type { FastifyRequest } from 'fastify';
import { graphError } from '../graph/errors.js';
import { windowStartOf } from './throttle-counters.js';
import type { ThrottleCounters } from './throttle-counters.js';

export interface ThrottleLimits {
  /** 0 turns a limit off. */
  readonly tenantRequests: number;
  readonly appRequests: number;
  readonly tenantWrites: number;
  readonly appWrites: number;
  readonly windowMs: number;
}

// BRIEF §2.4: Intune's published limits per 20 seconds.
export const INTUNE_THROTTLE_LIMITS: ThrottleLimits = Object.freeze({
  tenantRequests: 2000,
  appRequests: 1000,
  tenantWrites: 200,
  appWrites: 100,
  windowMs: 20_000,
});

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An onRequest hook; it must run after authentication, which names the tenant and app. */
export function throttleHook(
  limits: ThrottleLimits,
  counters: ThrottleCounters,
  clock: () => Date,
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = request.graph?.principal;
    if (!principal) return;

    const now = clock();
    const tenant = `tenant:${principal.tenantId}`;
    const app = `${tenant}:app:${principal.appId ?? principal.objectId}`;
    const checks: [string, number][] = [
      [`${tenant}:requests`, limits.tenantRequests],
      [`${app}:requests`, limits.appRequests],
    ];
    if (writeMethods.has(request.method)) {
      checks.push([`${tenant}:writes`, limits.tenantWrites], [`${app}:writes`, limits.appWrites]);
    }

    const counted = await Promise.all(
      checks
        .filter(([, limit]) => limit > 0)
        .map(async ([key, limit]) => (await counters.hit(key, limits.windowMs, now)) > limit),
    );
    if (!counted.includes(true)) return;

    const windowEnd = windowStartOf(limits.windowMs, now) + limits.windowMs;
    const retryAfter = Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000));
    request.log.info({ retryAfter }, 'request throttled');

    throw graphError('tooManyRequests', { retryAfter }, { 'retry-after': String(retryAfter) });
  };
}
