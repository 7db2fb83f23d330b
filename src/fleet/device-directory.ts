// Use cases on device objects. Each write is one transaction; a device of another tenant is
// indistinguishable from a missing one.
import { randomUUID } from 'node:crypto';
import { graphError } from '../graph/errors.js';
import type { DeviceTable } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { DeviceChanges, NewDevice } from './device-body.js';
import * as repo from './fleet-repo.js';
import { searchTokenColumn } from '../graph/odata/search-tokens.js';

export class DeviceDirectory {
  constructor(private readonly deps: { readonly store: Store; readonly clock: () => Date }) {}

  async get(tenantId: string, id: string): Promise<DeviceTable> {
    const row = await repo.findDevice(this.deps.store.db, tenantId, id);
    if (!row) throw graphError('notFound', { segment: id });

    return row;
  }

  async create(tenantId: string, input: NewDevice): Promise<DeviceTable> {
    const row: DeviceTable = {
      tenant_id: tenantId,
      id: randomUUID(),
      device_id: input.deviceId,
      display_name: input.displayName,
      search_display_name: searchTokenColumn(input.displayName),
      operating_system: input.operatingSystem ?? null,
      operating_system_version: input.operatingSystemVersion ?? null,
      approximate_last_sign_in_at: input.approximateLastSignInDateTime ?? null,
      created_at: this.deps.clock().toISOString(),
      configuration_key: null,
      reported_at: null,
    };
    const inserted = await this.deps.store.transaction((tx) => repo.insertDevice(tx, row));
    if (!inserted) {
      throw graphError('conflict', {
        reason: `Another device object with deviceId '${input.deviceId}' already exists.`,
      });
    }

    return row;
  }

  async update(tenantId: string, id: string, changes: DeviceChanges): Promise<DeviceTable> {
    await this.deps.store.transaction(async (tx) => {
      if (!(await repo.findDevice(tx, tenantId, id))) throw graphError('notFound', { segment: id });

      await repo.updateDevice(tx, tenantId, id, {
        ...(changes.displayName !== undefined && {
          display_name: changes.displayName,
          search_display_name: searchTokenColumn(changes.displayName),
        }),
        ...(changes.operatingSystem !== undefined && {
          operating_system: changes.operatingSystem,
        }),
        ...(changes.operatingSystemVersion !== undefined && {
          operating_system_version: changes.operatingSystemVersion,
        }),
        ...(changes.approximateLastSignInDateTime !== undefined && {
          approximate_last_sign_in_at: changes.approximateLastSignInDateTime,
        }),
      });
    });

    return this.get(tenantId, id);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    const { store } = this.deps;
    const rowLocks = store.capabilities.supportsRowLocks;
    const deleted = await store.transaction((tx) => repo.deleteDevice(tx, tenantId, id, rowLocks));
    if (!deleted) throw graphError('notFound', { segment: id });
  }
}
