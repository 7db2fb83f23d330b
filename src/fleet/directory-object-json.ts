// Directory objects of either kind by id, each in its own Graph shape with its `@odata.type`:
// for lists that mix devices and groups, and for `/directoryObjects`.
import type { Db } from '../store/store.js';
import { deviceJson } from './device-spec.js';
import { findDevicesByIds } from './fleet-repo.js';
import { findGroupsByIds } from './group-repo.js';
import { groupJson } from './group-spec.js';

/** The tenant's devices and groups among `ids`, keyed by id; ids of neither are left out. */
export async function directoryObjectsById(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const devices = await findDevicesByIds(db, tenantId, ids);
  const groups = await findGroupsByIds(db, tenantId, ids);

  return new Map<string, Record<string, unknown>>([
    ...devices.map((row) => [row.id, deviceJson(row)] as const),
    ...groups.map((row) => [row.id, groupJson(row)] as const),
  ]);
}
