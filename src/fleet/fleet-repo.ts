// SQL for devices. Every statement is scoped by tenant; a device of another tenant is
// indistinguishable from a missing one.
import type { Updateable } from 'kysely';
import type { Db } from '../store/store.js';
import type { DeviceTable } from '../store/schema.js';

export function devicesOf(db: Db, tenantId: string) {
  return db.selectFrom('devices').where('tenant_id', '=', tenantId);
}

export async function findDevice(
  db: Db,
  tenantId: string,
  id: string,
): Promise<DeviceTable | undefined> {
  return devicesOf(db, tenantId).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeviceByDeviceId(
  db: Db,
  tenantId: string,
  deviceId: string,
): Promise<DeviceTable | undefined> {
  return devicesOf(db, tenantId).selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

export async function findDevicesByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<DeviceTable[]> {
  if (ids.length === 0) return [];

  return devicesOf(db, tenantId).selectAll().where('id', 'in', ids).execute();
}

/** Inserts the device unless its deviceId is taken; true when the row went in. */
export async function insertDevice(db: Db, row: DeviceTable): Promise<boolean> {
  const result = await db
    .insertInto('devices')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'device_id']).doNothing())
    .executeTakeFirst();

  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function updateDevice(
  db: Db,
  tenantId: string,
  id: string,
  changes: Updateable<DeviceTable>,
): Promise<void> {
  // An empty body changes no column, and SQL has no empty SET.
  if (Object.keys(changes).length === 0) return;

  await db
    .updateTable('devices')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Removes the device, its group memberships and a configuration no other device shares. */
export async function deleteDevice(
  db: Db,
  tenantId: string,
  id: string,
  rowLocks: boolean,
): Promise<boolean> {
  const row = await findDevice(db, tenantId, id);
  if (!row) return false;

  await db
    .deleteFrom('group_members')
    .where('tenant_id', '=', tenantId)
    .where('member_id', '=', id)
    .execute();
  await db.deleteFrom('devices').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  if (row.configuration_key !== null) {
    await dropUnusedConfiguration(db, tenantId, row.configuration_key, rowLocks);
  }

  return true;
}

/**
 * Deletes the configuration when no device points at it. With `rowLocks` the row is taken
 * first, and only when nobody holds it: a transaction that holds it is pointing a device at it
 * (see saveAddressedConfiguration), so it stays, and nobody waits. The check for devices then
 * runs as a statement of its own, which sees every pointer committed before the lock was had.
 */
export async function dropUnusedConfiguration(
  db: Db,
  tenantId: string,
  key: string,
  rowLocks: boolean,
): Promise<void> {
  if (rowLocks) {
    const taken = await db
      .selectFrom('device_configurations')
      .select('key')
      .where('tenant_id', '=', tenantId)
      .where('key', '=', key)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!taken) return;
  }

  await db
    .deleteFrom('device_configurations')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('devices')
            .select('id')
            .where('devices.tenant_id', '=', tenantId)
            .where('devices.configuration_key', '=', key),
        ),
      ),
    )
    .execute();
}
