// The pipeline for one claimed job: load, compute, then commit the new list, the decisions,
// the profile's counters and the job's completion in one transaction, so readers see the old
// list or the new one and a worker that lost its lease commits nothing.
import { mergeDecisions } from '../approval/merge-decisions.js';
import type { MergeProfile } from '../approval/merge-decisions.js';
import type { Db, Store } from '../store/store.js';
import { computeInventory, countReportingDevices } from './compute-inventory.js';
import { loadDecisions, replaceInventory, writeDecisions } from './inventory-writes.js';
import { completeJob, hasQueuedJob, heartbeat } from './job-lease.js';
import { loadSyncInputs } from './load-inputs.js';
import type { SyncJob } from './sync-job.js';

export type SyncOutcome = 'succeeded' | 'profileDeleted' | 'leaseLost';

export interface PipelineContext {
  readonly store: Store;
  readonly owner: string;
  readonly leaseMs: number;
  readonly clock: () => Date;
  /** Aborted when the run times out, the lease is lost or the worker stops. */
  readonly signal: AbortSignal;
}

/** Does the work of a claimed job and completes it in the same transaction as its result. */
export type SyncPipeline = (job: SyncJob, context: PipelineContext) => Promise<SyncOutcome>;

export const runSync: SyncPipeline = async (job, context) => {
  const { store, owner, leaseMs, clock, signal } = context;

  if (!(await findProfile(store.db, job))) {
    return (await completeJob(store.db, job, owner, clock())) ? 'profileDeleted' : 'leaseLost';
  }

  const inputs = await loadSyncInputs(store.db, job.tenantId, job.profileId);
  signal.throwIfAborted();
  const computed = computeInventory(inputs);
  const deviceReporting = countReportingDevices(inputs);
  signal.throwIfAborted();

  return store.transaction(async (tx) => {
    const now = clock();
    // Extending the lease is the first write: it proves the job is still ours and, on SQLite,
    // takes the write lock before anything is read.
    if (!(await heartbeat(tx, job, owner, leaseMs, now))) return 'leaseLost';

    const profile = await findProfile(tx, job, store.capabilities.supportsRowLocks);
    if (!profile) {
      await completeJob(tx, job, owner, now);

      return 'profileDeleted';
    }

    const key = { tenantId: job.tenantId, profileId: job.profileId };
    const merged = mergeDecisions(computed, await loadDecisions(tx, key), profile, now);
    await replaceInventory(tx, key, merged.inventory);
    await writeDecisions(tx, key, merged.decisions, now);

    // A request that arrived while this ran has a queued job of its own; until that one runs,
    // the profile is still waiting for an up-to-date list.
    const stillPending = await hasQueuedJob(tx, job);
    await tx
      .updateTable('profiles')
      .set({
        new_updates: merged.newUpdates,
        device_reporting: deviceReporting,
        sync_state: stillPending ? 'pending' : 'success',
        last_successful_sync_at: now.toISOString(),
      })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.profileId)
      .execute();
    await completeJob(tx, job, owner, now);

    return 'succeeded';
  });
};

/** With `lock`, the profile's row is held until commit, so admin writes wait for the sync's. */
async function findProfile(db: Db, job: SyncJob, lock = false): Promise<MergeProfile | undefined> {
  const row = await db
    .selectFrom('profiles')
    .select(['approval_type', 'deployment_deferral_in_days'])
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.profileId)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) return undefined;

  return {
    approvalType: row.approval_type === 'automatic' ? 'automatic' : 'manual',
    deploymentDeferralInDays: row.deployment_deferral_in_days,
  };
}
