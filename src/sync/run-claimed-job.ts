// Runs one claimed job: under a time limit, with its lease kept alive, and with whatever went
// wrong written to the job row rather than thrown.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { failJob, heartbeat, releaseJob } from './job-lease.js';
import type { SyncPipeline } from './run-sync.js';
import type { SyncJob } from './sync-job.js';

export interface ClaimedRunSettings {
  readonly store: Store;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly owner: string;
  readonly leaseMs: number;
  readonly heartbeatMs: number;
  readonly runTimeoutMs: number;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  readonly pipeline: SyncPipeline;
}

export interface ClaimedRun {
  /** Settles once the job's outcome is recorded; never rejects. */
  readonly done: Promise<void>;
  /** Aborts the run and gives the job back to the queue, for a worker shutting down. */
  interrupt(): void;
}

type InterruptionKind = 'timeout' | 'leaseLost' | 'stopping';

class SyncInterruption extends Error {
  constructor(
    readonly kind: InterruptionKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncInterruption';
  }
}

export function startClaimedRun(job: SyncJob, settings: ClaimedRunSettings): ClaimedRun {
  const { store, clock, owner, leaseMs } = settings;
  const log = settings.logger.child({
    jobId: job.id,
    tenantId: job.tenantId,
    profileId: job.profileId,
  });
  const controller = new AbortController();
  const interrupt = (kind: InterruptionKind, message: string) =>
    controller.abort(new SyncInterruption(kind, message));

  const timeout = setTimeout(
    () => interrupt('timeout', `sync timed out after ${settings.runTimeoutMs} ms`),
    settings.runTimeoutMs,
  );
  // Beats run one after another, so a slow database never piles them up.
  let beating = Promise.resolve();
  const beat = async () => {
    try {
      if (!(await heartbeat(store.db, job, owner, leaseMs, clock()))) {
        interrupt('leaseLost', 'lease lost');
      }
    } catch (error) {
      log.warn({ err: error }, 'sync heartbeat failed');
    }
  };
  const beats = setInterval(() => {
    beating = beating.then(beat);
  }, settings.heartbeatMs);

  const run = async () => {
    log.info({ attempt: job.attempts, trigger: job.trigger }, 'sync started');
    try {
      const work = settings.pipeline(job, {
        store,
        owner,
        leaseMs,
        clock,
        signal: controller.signal,
      });
      const outcome = await untilAborted(work, controller.signal);
      if (outcome === 'leaseLost') log.warn('sync lease lost');
      else log.info({ outcome }, 'sync finished');
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      await recordFailure(job, reason, settings, log);
    } finally {
      clearTimeout(timeout);
      clearInterval(beats);
      await beating;
    }
  };

  return {
    done: run(),
    interrupt: () => interrupt('stopping', 'worker stopped'),
  };
}

async function recordFailure(
  job: SyncJob,
  reason: unknown,
  settings: ClaimedRunSettings,
  log: Logger,
): Promise<void> {
  const { store, owner, clock } = settings;
  const kind = reason instanceof SyncInterruption ? reason.kind : 'error';
  const error = reason instanceof Error ? reason.message : String(reason);

  try {
    if (kind === 'leaseLost') {
      log.warn('sync lease lost');
    } else if (kind === 'stopping') {
      const released = await releaseJob(store, job, owner, clock());
      log.info({ released }, 'sync interrupted by shutdown');
    } else {
      const { maxAttempts, retryDelayMs } = settings;
      const outcome = await failJob(store, job, owner, {
        error,
        now: clock(),
        maxAttempts,
        retryDelayMs,
      });
      log.warn({ err: reason, attempt: job.attempts, outcome }, 'sync failed');
    }
  } catch (recordError) {
    // The lease then runs out and the next claim takes the job up again.
    log.error({ err: recordError, cause: error }, 'sync failure not recorded');
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();

      return;
    }

    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
