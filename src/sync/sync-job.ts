// A sync job as the queue hands it out. The row in sync_jobs is the durable record: its state,
// lease and error are what an operator inspects after the fact.
import type { Selectable } from 'kysely';
import type { SyncJobTable } from '../store/schema.js';

export type SyncTrigger = 'request' | 'daily' | 'created' | 'assigned';
export type SyncJobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SyncJob {
  readonly tenantId: string;
  readonly id: string;
  readonly profileId: string;
  readonly trigger: SyncTrigger;
  /** Claims so far, this one included. */
  readonly attempts: number;
  readonly createdAt: string;
}

export function syncJobFromRow(row: Selectable<SyncJobTable>): SyncJob {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    profileId: row.profile_id,
    trigger: row.trigger as SyncTrigger,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}

export function isoAfter(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}
