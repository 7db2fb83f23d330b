import { INTUNE_THROTTLE_LIMITS } from './throttle.js';
import type { ThrottleLimits } from './throttle.js';

export interface RawThrottleOptions {
  readonly throttleTenantRequests?: string | number;
  readonly throttleAppRequests?: string | number;
  readonly throttleTenantWrites?: string | number;
  readonly throttleAppWrites?: string | number;
  /** Seconds, bare or with an `s`. */
  readonly throttleWindow?: string | number;
}

export class ThrottleSettingsError extends Error {
  override readonly name = 'ThrottleSettingsError';
}

/** Intune's limits unless told otherwise; 0 turns one limit off. */
export function resolveThrottleLimits(raw: RawThrottleOptions): ThrottleLimits {
  const defaults = INTUNE_THROTTLE_LIMITS;
  const window = String(raw.throttleWindow ?? defaults.windowMs / 1000).replace(/s$/, '');

  return Object.freeze({
    tenantRequests: count(
      'throttle-tenant-requests',
      raw.throttleTenantRequests,
      defaults.tenantRequests,
    ),
    appRequests: count('throttle-app-requests', raw.throttleAppRequests, defaults.appRequests),
    tenantWrites: count('throttle-tenant-writes', raw.throttleTenantWrites, defaults.tenantWrites),
    appWrites: count('throttle-app-writes', raw.throttleAppWrites, defaults.appWrites),
    windowMs: count('throttle-window', window, 0, 1, 3600) * 1000,
  });
}

function count(
  name: string,
  value: string | number | undefined,
  fallback: number,
  min = 0,
  max = 1_000_000,
): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ThrottleSettingsError(`--${name} must be an integer from ${min} to ${max}`);
  }

  return n;
}
