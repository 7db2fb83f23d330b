// What the holder of a job's lease may do with it. Every change is conditional on the lease
// still being held, so a worker that lost its job (lease expired and reaped) changes nothing.
import type { Updateable } from 'kysely';
import type { SyncJobTable } from '../store/schema.js';
import type { Db, Store } from '../store/store.js';
import { isoAfter } from './sync-job.js';
import type { SyncJob } from './sync-job.js';

/** Extends the lease; false when it is no longer held by `owner`. */
export async function heartbeat(
  db: Db,
  job: SyncJob,
  owner: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  return updateHeld(db, job, owner, { lease_expires_at: isoAfter(now, leaseMs) });
}

/** Marks the job succeeded; false when the lease was lost. */
export async function completeJob(
  db: Db,
  job: SyncJob,
  owner: string,
  now: Date,
): Promise<boolean> {
  return updateHeld(db, job, owner, {
    state: 'succeeded',
    finished_at: now.toISOString(),
    lease_owner: null,
    lease_expires_at: null,
    error: null,
  });
}

export interface FailOptions {
  readonly error: string;
  readonly now: Date;
  readonly maxAttempts: number;
  /** Delay before the second attempt; it doubles for each one after. */
  readonly retryDelayMs: number;
}

export type FailOutcome =
  | { readonly kind: 'retrying'; readonly runAfter: string }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'leaseLost' };

/**
 * Records a failed attempt: queued again after a growing delay while attempts remain, given up
 * when a newer job for the profile is already queued, otherwise failed for good, which also
 * marks the profile's sync as failed.
 */
export async function failJob(
  store: Store,
  job: SyncJob,
  owner: string,
  options: FailOptions,
): Promise<FailOutcome> {
  const { error, now, maxAttempts, retryDelayMs } = options;

  return store.transaction(async (tx) => {
    if (!(await updateHeld(tx, job, owner, { error }))) return { kind: 'leaseLost' };

    const superseded = await hasQueuedJob(tx, job);
    if (job.attempts < maxAttempts && !superseded) {
      const runAfter = isoAfter(now, retryDelayMs * 2 ** (job.attempts - 1));
      await updateHeld(tx, job, owner, { ...released, run_after: runAfter });

      return { kind: 'retrying', runAfter };
    }

    await updateHeld(tx, job, owner, { ...finished(now), state: 'failed' });
    if (superseded) return { kind: 'superseded' };

    await tx
      .updateTable('profiles')
      .set({ sync_state: 'failure' })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.profileId)
      .execute();

    return { kind: 'failed' };
  });
}

/**
 * Gives a job back to the queue without counting the attempt, for a worker that is shutting
 * down mid-run. When a newer job is queued already, that one does the work instead.
 */
export async function releaseJob(
  store: Store,
  job: SyncJob,
  owner: string,
  now: Date,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (!(await updateHeld(tx, job, owner, { error: 'worker stopped' }))) return false;

    if (await hasQueuedJob(tx, job)) {
      const error = 'worker stopped; superseded';

      return updateHeld(tx, job, owner, { ...finished(now), state: 'failed', error });
    }

    return updateHeld(tx, job, owner, {
      ...released,
      run_after: now.toISOString(),
      attempts: Math.max(0, job.attempts - 1),
    });
  });
}

export async function hasQueuedJob(db: Db, job: SyncJob): Promise<boolean> {
  const queued = await db
    .selectFrom('sync_jobs')
    .select('id')
    .where('tenant_id', '=', job.tenantId)
    .where('profile_id', '=', job.profileId)
    .where('state', '=', 'queued')
    .executeTakeFirst();

  return queued !== undefined;
}

const released = { state: 'queued', lease_owner: null, lease_expires_at: null } as const;

function finished(now: Date) {
  return { finished_at: now.toISOString(), lease_owner: null, lease_expires_at: null } as const;
}

async function updateHeld(
  db: Db,
  job: SyncJob,
  owner: string,
  values: Updateable<SyncJobTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('sync_jobs')
    .set(values)
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();

  return result.numUpdatedRows > 0n;
}
