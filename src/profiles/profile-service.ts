// Use cases on driver update profiles and their assignments. Each write is one transaction; a
// profile of another tenant is indistinguishable from a missing one.
import { randomUUID } from 'node:crypto';
import { graphError } from '../graph/errors.js';
import type { Db, Store } from '../store/store.js';
import type { AssignmentTable, ProfileTable } from '../store/schema.js';
import { requestSync } from '../sync/job-queue.js';
import type { AssignmentTarget } from './assignment-body.js';
import type { NewProfile, ProfileChanges } from './profile-body.js';
import * as repo from './profiles-repo.js';

export interface ProfileServiceDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Called after a sync request commits, so an idle worker starts at once. */
  readonly onSyncRequested: () => void;
}

export class ProfileService {
  constructor(private readonly deps: ProfileServiceDeps) {}

  async get(tenantId: string, id: string): Promise<ProfileTable> {
    return requireProfile(this.deps.store.db, tenantId, id);
  }

  async create(tenantId: string, input: NewProfile): Promise<ProfileTable> {
    const now = this.now();
    const row: ProfileTable = {
      tenant_id: tenantId,
      id: randomUUID(),
      display_name: input.displayName,
      description: input.description,
      approval_type: input.approvalType,
      deployment_deferral_in_days: input.deploymentDeferralInDays,
      role_scope_tag_ids: JSON.stringify(input.roleScopeTagIds),
      created_at: now,
      last_modified_at: now,
      sync_state: 'pending',
      last_successful_sync_at: null,
      last_sync_requested_at: null,
      device_reporting: 0,
      new_updates: 0,
    };
    // Like Intune, a new profile gathers its inventory without being asked.
    await this.deps.store.transaction(async (tx) => {
      await repo.insertProfile(tx, row);
      await requestSync(tx, {
        tenantId,
        profileId: row.id,
        trigger: 'created',
        now: this.deps.clock(),
      });
    });
    this.deps.onSyncRequested();

    return this.get(tenantId, row.id);
  }

  async update(
    tenantId: string,
    id: string,
    parse: (current: ProfileTable) => ProfileChanges,
  ): Promise<ProfileTable> {
    await this.deps.store.transaction(async (tx) => {
      const current = await requireProfile(tx, tenantId, id);
      const changes = parse(current);
      await repo.updateProfile(tx, tenantId, id, {
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.deploymentDeferralInDays !== undefined && {
          deployment_deferral_in_days: changes.deploymentDeferralInDays,
        }),
        ...(changes.roleScopeTagIds !== undefined && {
          role_scope_tag_ids: JSON.stringify(changes.roleScopeTagIds),
        }),
        last_modified_at: this.now(),
      });
    });

    return this.get(tenantId, id);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    const deleted = await this.deps.store.transaction((tx) => repo.deleteProfile(tx, tenantId, id));
    if (!deleted) throw notFound(id);
  }

  /** Marks the profile pending and records the job in one transaction. */
  async requestSync(tenantId: string, id: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await requireProfile(tx, tenantId, id);
      await requestSync(tx, {
        tenantId,
        profileId: id,
        trigger: 'request',
        now: this.deps.clock(),
      });
    });
    this.deps.onSyncRequested();
  }

  async listAssignments(tenantId: string, profileId: string): Promise<AssignmentTable[]> {
    await requireProfile(this.deps.store.db, tenantId, profileId);

    return repo.listAssignments(this.deps.store.db, tenantId, [profileId]);
  }

  async getAssignment(tenantId: string, profileId: string, id: string): Promise<AssignmentTable> {
    await requireProfile(this.deps.store.db, tenantId, profileId);
    const row = await repo.findAssignment(this.deps.store.db, tenantId, profileId, id);
    if (!row) throw notFound(id);

    return row;
  }

  /** `assign`: the given targets replace every assignment of the profile. */
  async assign(
    tenantId: string,
    profileId: string,
    targets: readonly AssignmentTarget[],
  ): Promise<void> {
    const rows = targets.map((t) => assignmentRow(tenantId, profileId, randomUUID(), t));
    await this.changeAssignments(tenantId, profileId, (tx) =>
      repo.replaceAssignments(tx, tenantId, profileId, rows),
    );
  }

  async addAssignment(
    tenantId: string,
    profileId: string,
    target: AssignmentTarget,
  ): Promise<AssignmentTable> {
    const row = assignmentRow(tenantId, profileId, randomUUID(), target);
    await this.changeAssignments(tenantId, profileId, async (tx) => {
      await checkNotAssigned(tx, row);
      await repo.insertAssignment(tx, row);
    });

    return row;
  }

  async updateAssignment(
    tenantId: string,
    profileId: string,
    id: string,
    target: AssignmentTarget,
  ): Promise<AssignmentTable> {
    const row = assignmentRow(tenantId, profileId, id, target);
    await this.changeAssignments(tenantId, profileId, async (tx) => {
      if (!(await repo.findAssignment(tx, tenantId, profileId, id))) throw notFound(id);
      await checkNotAssigned(tx, row);
      await repo.updateAssignment(tx, row);
    });

    return row;
  }

  async deleteAssignment(tenantId: string, profileId: string, id: string): Promise<void> {
    await this.changeAssignments(tenantId, profileId, async (tx) => {
      if (!(await repo.deleteAssignment(tx, tenantId, profileId, id))) throw notFound(id);
    });
  }

  /** The device set changed, so the inventory is recomputed, as Intune does after assignment. */
  private async changeAssignments(
    tenantId: string,
    profileId: string,
    change: (tx: Db) => Promise<void>,
  ): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await requireProfile(tx, tenantId, profileId);
      await change(tx);
      await repo.updateProfile(tx, tenantId, profileId, { last_modified_at: this.now() });
      await requestSync(tx, { tenantId, profileId, trigger: 'assigned', now: this.deps.clock() });
    });
    this.deps.onSyncRequested();
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }
}

export async function requireProfile(
  db: Db,
  tenantId: string,
  id: string,
  lock = false,
): Promise<ProfileTable> {
  const row = await repo.findProfile(db, tenantId, id, lock);
  if (!row) throw notFound(id);

  return row;
}

function notFound(id: string) {
  return graphError('notFound', { segment: id });
}

function assignmentRow(
  tenantId: string,
  profileId: string,
  id: string,
  target: AssignmentTarget,
): AssignmentTable {
  return {
    tenant_id: tenantId,
    profile_id: profileId,
    id,
    target_type: target.type,
    group_id: target.groupId,
    filter_id: null,
    filter_type: 'none',
  };
}

async function checkNotAssigned(db: Db, row: AssignmentTable): Promise<void> {
  const existing = await repo.listAssignments(db, row.tenant_id, [row.profile_id]);
  const clash = existing.find(
    (a) => a.id !== row.id && a.target_type === row.target_type && a.group_id === row.group_id,
  );
  if (clash) {
    throw graphError('conflict', {
      reason: `The profile already has an assignment for this target (${clash.id}).`,
    });
  }
}
