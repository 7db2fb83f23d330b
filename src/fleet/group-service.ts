// Use cases on security groups and their membership. Each write is one transaction; a group of
// another tenant is indistinguishable from a missing one.
import { randomUUID } from 'node:crypto';
import { graphError } from '../graph/errors.js';
import type { GroupTable } from '../store/schema.js';
import type { Db, Store } from '../store/store.js';
import type { GroupChanges, NewGroup } from './group-body.js';
import * as repo from './group-repo.js';
import { searchTokenColumn } from '../graph/odata/search-tokens.js';

export class GroupService {
  constructor(private readonly deps: { readonly store: Store; readonly clock: () => Date }) {}

  async get(tenantId: string, id: string): Promise<GroupTable> {
    return requireGroup(this.deps.store.db, tenantId, id);
  }

  async create(tenantId: string, input: NewGroup): Promise<GroupTable> {
    const row: GroupTable = {
      tenant_id: tenantId,
      id: randomUUID(),
      display_name: input.displayName,
      description: input.description ?? null,
      search_display_name: searchTokenColumn(input.displayName),
      search_description: searchTokenColumn(input.description ?? null),
      mail_nickname: input.mailNickname,
      security_enabled: 1,
      created_at: this.deps.clock().toISOString(),
    };
    await this.deps.store.transaction(async (tx) => {
      await repo.insertGroup(tx, row);
      for (const memberId of input.members ?? []) await bindMember(tx, tenantId, row.id, memberId);
    });

    return row;
  }

  async update(tenantId: string, id: string, changes: GroupChanges): Promise<GroupTable> {
    await this.deps.store.transaction(async (tx) => {
      await requireGroup(tx, tenantId, id);
      await repo.updateGroup(tx, tenantId, id, {
        ...(changes.displayName !== undefined && {
          display_name: changes.displayName,
          search_display_name: searchTokenColumn(changes.displayName),
        }),
        ...(changes.description !== undefined && {
          description: changes.description,
          search_description: searchTokenColumn(changes.description),
        }),
        ...(changes.mailNickname !== undefined && { mail_nickname: changes.mailNickname }),
      });
      for (const memberId of changes.members ?? []) await bindMember(tx, tenantId, id, memberId);
    });

    return this.get(tenantId, id);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    const deleted = await this.deps.store.transaction((tx) => repo.deleteGroup(tx, tenantId, id));
    if (!deleted) throw graphError('notFound', { segment: id });
  }

  /** Adds a device or group as a direct member. Cycles are allowed, as in Entra ID. */
  async addMember(tenantId: string, groupId: string, memberId: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await requireGroup(tx, tenantId, groupId);
      await bindMember(tx, tenantId, groupId, memberId);
    });
  }

  async removeMember(tenantId: string, groupId: string, memberId: string): Promise<void> {
    await this.deps.store.transaction(async (tx) => {
      await requireGroup(tx, tenantId, groupId);
      if (!(await repo.removeMember(tx, tenantId, groupId, memberId))) {
        throw graphError('notFound', { segment: memberId });
      }
    });
  }
}

/** Adds one direct member inside the caller's transaction, with Graph's refusals. */
async function bindMember(db: Db, tenantId: string, groupId: string, memberId: string) {
  if (memberId === groupId) {
    throw graphError('invalidRequest', { reason: 'A group cannot be a member of itself.' });
  }
  const type = await repo.directoryObjectType(db, tenantId, memberId);
  if (type === null) throw graphError('notFound', { segment: memberId });
  if (!(await repo.addMember(db, tenantId, groupId, memberId, type))) {
    throw graphError('memberExists', {});
  }
}

async function requireGroup(db: Db, tenantId: string, id: string): Promise<GroupTable> {
  const row = await repo.findGroup(db, tenantId, id);
  if (!row) throw graphError('notFound', { segment: id });

  return row;
}
