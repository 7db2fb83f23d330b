// Throttling counters kept in the database, so every API process on a shared store counts
// against the same limits. One upsert per hit adds one and reads the total atomically.
import type { Db } from '../store/store.js';
import { windowStartOf, type ThrottleCounters } from './throttle-counters.js';

/** Counter keys start with `tenant:{id}`; that id leads the row's key, as in every table. */
export function tenantOfCounterKey(key: string): string {
  return /^tenant:([^:]+)/.exec(key)?.[1] ?? '';
}

export function createStoreThrottleCounters(db: Db): ThrottleCounters {
  let sweptBefore = '';

  // Finished windows are dead weight; each process clears them once per window it sees.
  const sweep = async (windowStart: string) => {
    if (sweptBefore === windowStart) return;

    sweptBefore = windowStart;
    await db.deleteFrom('throttle_counters').where('window_start', '<', windowStart).execute();
  };

  return {
    hit: async (key, windowMs, now) => {
      const windowStart = new Date(windowStartOf(windowMs, now)).toISOString();
      await sweep(windowStart);

      const row = await db
        .insertInto('throttle_counters')
        .values({ tenant_id: tenantOfCounterKey(key), key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'key', 'window_start'])
            .doUpdateSet((eb) => ({ count: eb('throttle_counters.count', '+', 1) })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();

      return Number(row.count);
    },
  };
}
