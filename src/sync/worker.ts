// The sync worker: claim a due job, run it, record the outcome, wait for the next. Any number
// of workers may share a store; leases keep each job, and each profile, to one of them at once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { claimJob } from './job-queue.js';
import { startClaimedRun } from './run-claimed-job.js';
import type { ClaimedRun, ClaimedRunSettings } from './run-claimed-job.js';
import { runSync } from './run-sync.js';
import type { SyncPipeline } from './run-sync.js';
import { createWakeSignal } from './wake-signal.js';

export interface SyncWorkerOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** Names this worker in lease columns; unique per worker. */
  readonly owner?: string;
  readonly leaseMs?: number;
  /** Defaults to a third of the lease, so two beats can fail before it runs out. */
  readonly heartbeatMs?: number;
  readonly pollMs?: number;
  readonly maxAttempts?: number;
  /** Delay before the second attempt of a failed job; it doubles for each one after. */
  readonly retryDelayMs?: number;
  readonly runTimeoutMs?: number;
  /** How long stop() lets a running job finish before aborting it. */
  readonly stopGraceMs?: number;
  readonly pipeline?: SyncPipeline;
}

export interface SyncWorker {
  readonly owner: string;
  /** Stops claiming, lets the running job finish (or interrupts it) and waits for the loop. */
  stop(): Promise<void>;
  /** Cuts the idle wait short, so a fresh request starts at once. */
  wake(): void;
}

const maxClaimBackoffMs = 30_000;

export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 250;
  const stopGraceMs = options.stopGraceMs ?? 10_000;
  const settings: ClaimedRunSettings = {
    store: options.store,
    logger: options.logger,
    clock: options.clock,
    owner: options.owner ?? `${hostname()}/${process.pid}/${randomUUID()}`,
    leaseMs,
    heartbeatMs: options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    runTimeoutMs: options.runTimeoutMs ?? 5 * 60_000,
    maxAttempts: options.maxAttempts ?? 3,
    retryDelayMs: options.retryDelayMs ?? 5_000,
    pipeline: options.pipeline ?? runSync,
  };
  const log = options.logger.child({ worker: settings.owner });
  const idle = createWakeSignal();
  let stopping = false;
  let interruptRuns = false;
  let current: ClaimedRun | null = null;

  const loop = async () => {
    let claimFailures = 0;

    while (!stopping) {
      let job;
      try {
        job = await claimJob(settings.store, {
          owner: settings.owner,
          leaseMs,
          now: settings.clock(),
          maxAttempts: settings.maxAttempts,
        });
        claimFailures = 0;
      } catch (error) {
        claimFailures += 1;
        const backoffMs = Math.min(pollMs * 2 ** claimFailures, maxClaimBackoffMs);
        log.warn({ err: error, claimFailures, backoffMs }, 'sync claim failed');
        await idle.wait(backoffMs);
        continue;
      }

      if (!job) {
        await idle.wait(pollMs);
        continue;
      }

      current = startClaimedRun(job, settings);
      if (interruptRuns) current.interrupt();
      await current.done;
      current = null;
    }
  };

  log.info({ leaseMs, pollMs }, 'sync worker started');
  const finished = loop().then(
    () => log.info('sync worker stopped'),
    (error: unknown) => log.error({ err: error }, 'sync worker crashed'),
  );
  let stopped: Promise<void> | null = null;

  const stop = async () => {
    stopping = true;
    idle.wake();
    if (!(await settlesWithin(finished, stopGraceMs))) {
      interruptRuns = true;
      current?.interrupt();
    }

    await finished;
  };

  return {
    owner: settings.owner,
    stop: () => (stopped ??= stop()),
    wake: () => idle.wake(),
  };
}

async function settlesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });

  try {
    return await Promise.race([work.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}
