// An admin's decisions on a profile's driver updates. Every change is one transaction that also
// keeps the profile's `newUpdates` counter true.
import {
  applyApprovalAction,
  actionTowards,
  type ApprovalStatus,
} from '../approval/transitions.js';
import { graphError } from '../graph/errors.js';
import type { Db, Store } from '../store/store.js';
import type { DecisionTable } from '../store/schema.js';
import type { DriverAction, DriverPatch } from './action-body.js';
import * as repo from './inventory-repo.js';
import { requireProfile } from './profile-service.js';

export interface BulkDriverActionResult {
  readonly successfulDriverIds: string[];
  readonly failedDriverIds: string[];
  readonly notFoundDriverIds: string[];
}

export class InventoryService {
  constructor(private readonly deps: { readonly store: Store; readonly clock: () => Date }) {}

  async get(tenantId: string, profileId: string, driverId: string): Promise<repo.InventoryView> {
    const db = this.deps.store.db;
    await requireProfile(db, tenantId, profileId);

    return requireDriver(db, tenantId, profileId, driverId);
  }

  async executeAction(
    tenantId: string,
    profileId: string,
    request: DriverAction,
  ): Promise<BulkDriverActionResult> {
    const result: BulkDriverActionResult = {
      successfulDriverIds: [],
      failedDriverIds: [],
      notFoundDriverIds: [],
    };
    const now = this.deps.clock().toISOString();

    await this.deps.store.transaction(async (tx) => {
      await this.lockProfile(tx, tenantId, profileId);
      const rows = await repo.findInventory(tx, tenantId, profileId, request.driverIds);
      const decisions = await repo.findDecisions(tx, tenantId, profileId, request.driverIds);
      const present = new Map(rows.map((row) => [row.driver_id, row]));
      const kept = new Map(decisions.map((d) => [d.driver_id, d]));

      for (const driverId of request.driverIds) {
        const row = present.get(driverId);
        if (!row) {
          result.notFoundDriverIds.push(driverId);
          continue;
        }
        const next = applyApprovalAction(row.approval_status as ApprovalStatus, request.action);
        if (!next) {
          result.failedDriverIds.push(driverId);
          continue;
        }
        const deployAt = request.action === 'approve' ? (request.deploymentDate ?? now) : null;
        const saved = await repo.saveDecision(
          tx,
          decisionRow(tenantId, profileId, row, kept.get(driverId), {
            status: next,
            deployAt: deployAt ?? kept.get(driverId)?.deploy_at ?? null,
            now,
          }),
          row.approval_status,
        );
        (saved ? result.successfulDriverIds : result.failedDriverIds).push(driverId);
      }
      await repo.refreshNewUpdates(tx, tenantId, profileId);
    });

    return result;
  }

  async patch(
    tenantId: string,
    profileId: string,
    driverId: string,
    patch: DriverPatch,
  ): Promise<repo.InventoryView> {
    const now = this.deps.clock().toISOString();
    await this.deps.store.transaction(async (tx) => {
      await this.lockProfile(tx, tenantId, profileId);
      const row = await requireDriver(tx, tenantId, profileId, driverId);
      const current = row.approval_status as ApprovalStatus;
      const target = patch.approvalStatus ?? current;
      if (target !== current && !actionTowards(current, target)) {
        throw graphError('invalidPropertyValue', {
          property: 'approvalStatus',
          reason: `cannot change from '${current}' to '${target}'`,
        });
      }
      if (patch.deployDateTime !== null && target !== 'approved') {
        throw graphError('invalidPropertyValue', {
          property: 'deployDateTime',
          reason: 'applies only to approved drivers',
        });
      }
      const [kept] = await repo.findDecisions(tx, tenantId, profileId, [driverId]);
      const deployAt =
        target === 'approved' ? (patch.deployDateTime ?? kept?.deploy_at ?? now) : kept?.deploy_at;
      const saved = await repo.saveDecision(
        tx,
        decisionRow(tenantId, profileId, row, kept, {
          status: target,
          deployAt: deployAt ?? null,
          now,
        }),
        current,
      );
      if (!saved) {
        throw graphError('conflict', {
          reason: `The driver '${driverId}' was changed by another request; read it and retry.`,
        });
      }
      await repo.refreshNewUpdates(tx, tenantId, profileId);
    });

    return this.get(tenantId, profileId, driverId);
  }

  /** Removes the row until the next sync finds it again; the admin's decision is kept. */
  async delete(tenantId: string, profileId: string, driverId: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await this.lockProfile(tx, tenantId, profileId);
      if (!(await repo.deleteInventoryRow(tx, tenantId, profileId, driverId))) {
        throw graphError('notFound', { segment: driverId });
      }
      await repo.refreshNewUpdates(tx, tenantId, profileId);
    });
  }

  // Admin writes and sync commits on one profile take turns, so `newUpdates` counts what the
  // last of them committed.
  private async lockProfile(tx: Db, tenantId: string, profileId: string): Promise<void> {
    await requireProfile(tx, tenantId, profileId, this.deps.store.capabilities.supportsRowLocks);
  }
}

async function requireDriver(
  db: Db,
  tenantId: string,
  profileId: string,
  driverId: string,
): Promise<repo.InventoryView> {
  const [row] = await repo.findInventory(db, tenantId, profileId, [driverId]);
  if (!row) throw graphError('notFound', { segment: driverId });

  return row;
}

function decisionRow(
  tenantId: string,
  profileId: string,
  row: repo.InventoryView,
  kept: DecisionTable | undefined,
  change: { status: ApprovalStatus; deployAt: string | null; now: string },
): DecisionTable {
  return {
    tenant_id: tenantId,
    profile_id: profileId,
    driver_id: row.driver_id,
    approval_status: change.status,
    deploy_at: change.deployAt,
    first_seen_at: kept?.first_seen_at ?? change.now,
    decided_at: change.now,
    ever_recommended: kept?.ever_recommended ?? (row.category === 'recommended' ? 1 : 0),
  };
}
