/**
 * Request counters in fixed time windows. The memory implementation serves one process; a
 * store-backed one can share counts between processes behind the same interface.
 */
export interface ThrottleCounters {
  /** Counts one more request under `key` in the window holding `now`; the count so far. */
  hit(key: string, windowMs: number, now: Date): Promise<number>;
}

interface WindowCount {
  readonly windowStart: number;
  count: number;
}

export function windowStartOf(windowMs: number, now: Date): number {
  return Math.floor(now.getTime() / windowMs) * windowMs;
}

export function createMemoryThrottleCounters(): ThrottleCounters {
  const counts = new Map<string, WindowCount>();
  let sweptAt = 0;

  // Keys of tenants and apps that went quiet would otherwise stay forever.
  const sweep = (windowStart: number) => {
    if (sweptAt === windowStart) return;

    sweptAt = windowStart;
    for (const [key, entry] of counts) {
      if (entry.windowStart < windowStart) counts.delete(key);
    }
  };

  return {
    hit: async (key, windowMs, now) => {
      const windowStart = windowStartOf(windowMs, now);
      sweep(windowStart);

      const entry = counts.get(key);
      if (entry && entry.windowStart === windowStart) {
        entry.count += 1;

        return entry.count;
      }

      counts.set(key, { windowStart, count: 1 });

      return 1;
    },
  };
}
