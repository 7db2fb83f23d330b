// Intune syncs every profile once a day by itself; this does the same by queueing a 'daily'
// job for each profile whose last sync request is older than the interval.
import type { Logger } from 'pino';
import type { Db, Store } from '../store/store.js';
import { requestSync } from './job-queue.js';

export interface DueSyncOptions {
  readonly now: Date;
  readonly intervalMs: number;
  readonly batchSize: number;
}

/** Queues a daily sync for every due profile, across tenants; returns how many were due. */
export async function enqueueDueSyncs(store: Store, options: DueSyncOptions): Promise<number> {
  const { now, intervalMs, batchSize } = options;
  const cutoff = new Date(now.getTime() - intervalMs).toISOString();
  let after: ProfileKey | null = null;
  let queued = 0;

  for (;;) {
    const due = await findDueProfiles(store.db, cutoff, after, batchSize);
    if (due.length === 0) return queued;

    await store.transaction(async (tx) => {
      for (const { tenantId, profileId } of due) {
        await requestSync(tx, { tenantId, profileId, trigger: 'daily', now });
      }
    });
    queued += due.length;
    after = due[due.length - 1] ?? null;
  }
}

interface ProfileKey {
  readonly tenantId: string;
  readonly profileId: string;
}

// Keyset paging on the primary key: each batch starts after the last one, whatever the batch
// before it changed.
async function findDueProfiles(
  db: Db,
  cutoff: string,
  after: ProfileKey | null,
  batchSize: number,
): Promise<ProfileKey[]> {
  let query = db
    .selectFrom('profiles')
    .select(['tenant_id', 'id'])
    .where((eb) =>
      eb.or([eb('last_sync_requested_at', 'is', null), eb('last_sync_requested_at', '<', cutoff)]),
    );
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('tenant_id', '>', after.tenantId),
        eb.and([eb('tenant_id', '=', after.tenantId), eb('id', '>', after.profileId)]),
      ]),
    );
  }

  const rows = await query.orderBy('tenant_id').orderBy('id').limit(batchSize).execute();

  return rows.map((row) => ({ tenantId: row.tenant_id, profileId: row.id }));
}

export interface DailySchedulerOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly intervalMs?: number;
  readonly checkEveryMs?: number;
  readonly batchSize?: number;
  /** Called when jobs were queued, so an idle worker can start at once. */
  readonly onQueued?: () => void;
}

export interface DailyScheduler {
  stop(): Promise<void>;
}

export function startDailyScheduler(options: DailySchedulerOptions): DailyScheduler {
  const { store, clock } = options;
  const intervalMs = options.intervalMs ?? 24 * 60 * 60_000;
  const checkEveryMs = options.checkEveryMs ?? 60_000;
  const batchSize = options.batchSize ?? 200;
  const log = options.logger.child({ component: 'daily-sync' });
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> = Promise.resolve();
  let stopped = false;

  const check = async () => {
    try {
      const queued = await enqueueDueSyncs(store, { now: clock(), intervalMs, batchSize });
      if (queued > 0) {
        log.info({ queued }, 'daily syncs queued');
        options.onQueued?.();
      }
    } catch (error) {
      log.warn({ err: error }, 'daily sync check failed');
    }
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      checking = check().then(() => {
        if (!stopped) schedule(checkEveryMs);
      });
    }, delayMs);
  };

  schedule(0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await checking;
    },
  };
}
