// The durable queue of sync jobs. The partial unique indexes on sync_jobs (one queued and one
// running job per profile) do the coalescing; these functions only ever move rows between
// states in ways that respect them.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Store } from '../store/store.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { isoAfter, syncJobFromRow } from './sync-job.js';
import type { SyncJob, SyncTrigger } from './sync-job.js';

export interface SyncRequest {
  readonly tenantId: string;
  readonly profileId: string;
  readonly trigger: SyncTrigger;
  readonly now: Date;
}

/**
 * Queues a sync of the profile unless one is queued already, and marks the profile pending.
 * Takes whatever Db it is given so the caller can make it part of its own transaction.
 */
export async function requestSync(db: Db, request: SyncRequest): Promise<void> {
  const { tenantId, profileId, trigger } = request;
  const now = request.now.toISOString();

  // The profile row is written first: on a shared database its row lock orders this request
  // against a worker finishing the profile's sync, which writes the same row last. Otherwise a
  // request that found a job still queued could mark the profile pending after that job had
  // already finished, and nothing would ever clear it.
  await db
    .updateTable('profiles')
    .set({ sync_state: 'pending', last_sync_requested_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', profileId)
    .execute();

  // The conflict target must name the partial index's predicate as a literal: a bound
  // parameter would not let SQLite or PostgreSQL match the index.
  await db
    .insertInto('sync_jobs')
    .values({
      tenant_id: tenantId,
      id: randomUUID(),
      profile_id: profileId,
      state: 'queued',
      trigger,
      created_at: now,
      run_after: now,
      attempts: 0,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'profile_id']).where('state', '=', sql.lit('queued')).doNothing(),
    )
    .execute();
}

export interface ClaimOptions {
  readonly owner: string;
  readonly leaseMs: number;
  readonly now: Date;
  /** A job whose lease expired this many times is given up instead of queued again. */
  readonly maxAttempts?: number;
}

/**
 * Reaps running jobs whose lease expired, then claims the oldest due queued job of a profile
 * that has no running job. Returns null when nothing is due.
 */
export async function claimJob(store: Store, options: ClaimOptions): Promise<SyncJob | null> {
  try {
    return await claimInTransaction(store, options);
  } catch (error) {
    // Two processes claimed jobs of one profile at once (each could not yet see the other's
    // running job); the one-running-job index let one of them through. Nothing is lost: the
    // loser's transaction rolled back and the job stays queued for after the winner.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

async function claimInTransaction(store: Store, options: ClaimOptions): Promise<SyncJob | null> {
  return store.transaction(async (tx) => {
    await reapExpiredLeases(tx, options.now, options.maxAttempts ?? Number.POSITIVE_INFINITY);

    const now = options.now.toISOString();
    const candidate = await tx
      .selectFrom('sync_jobs as j')
      .select(['j.tenant_id', 'j.id'])
      .where('j.state', '=', 'queued')
      .where('j.run_after', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sync_jobs as r')
              .select('r.id')
              .whereRef('r.tenant_id', '=', 'j.tenant_id')
              .whereRef('r.profile_id', '=', 'j.profile_id')
              .where('r.state', '=', 'running'),
          ),
        ),
      )
      .orderBy('j.run_after')
      .orderBy('j.created_at')
      .limit(1)
      .$if(store.capabilities.supportsSkipLocked, (qb) => qb.forUpdate().skipLocked())
      .executeTakeFirst();
    if (!candidate) return null;

    const claimed = await tx
      .updateTable('sync_jobs')
      .set((eb) => ({
        state: 'running',
        lease_owner: options.owner,
        lease_expires_at: isoAfter(options.now, options.leaseMs),
        started_at: now,
        attempts: eb('attempts', '+', 1),
      }))
      .where('tenant_id', '=', candidate.tenant_id)
      .where('id', '=', candidate.id)
      .where('state', '=', 'queued')
      .returningAll()
      .executeTakeFirst();

    return claimed ? syncJobFromRow(claimed) : null;
  });
}

// The first statement writes, so on SQLite the transaction takes the write lock before it reads
// anything and a second process cannot slip a write in between.
async function reapExpiredLeases(tx: Db, at: Date, maxAttempts: number): Promise<void> {
  const now = at.toISOString();
  const expired = tx
    .updateTable('sync_jobs')
    .where('state', '=', 'running')
    .where('lease_expires_at', '<', now);
  const finished = { state: 'failed', finished_at: now, lease_owner: null, lease_expires_at: null };

  await expired
    .set({ ...finished, error: 'lease expired; superseded' })
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sync_jobs as q')
          .select('q.id')
          .whereRef('q.tenant_id', '=', 'sync_jobs.tenant_id')
          .whereRef('q.profile_id', '=', 'sync_jobs.profile_id')
          .where('q.state', '=', 'queued'),
      ),
    )
    .execute();

  // A job that keeps killing its worker would otherwise be retried for ever.
  const exhausted = Number.isFinite(maxAttempts)
    ? await expired
        .set({ ...finished, error: `lease expired on each of ${maxAttempts} attempts` })
        .where('attempts', '>=', maxAttempts)
        .returning(['tenant_id', 'profile_id'])
        .execute()
    : [];
  for (const job of exhausted) {
    await tx
      .updateTable('profiles')
      .set({ sync_state: 'failure' })
      .where('tenant_id', '=', job.tenant_id)
      .where('id', '=', job.profile_id)
      .execute();
  }

  await expired
    .set({ state: 'queued', lease_owner: null, lease_expires_at: null, error: 'lease expired' })
    .execute();
}
