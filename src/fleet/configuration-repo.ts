// SQL for content-addressed hardware: configurations, stored as lists of node keys, and the
// distinct device nodes they refer to. A sync reads a few thousand short lists and a few thousand
// nodes however many devices share them.
import type { Db } from '../store/store.js';
import type {
  AddressedConfiguration,
  ConfiguredNode,
  NodeKeyedConfiguration,
} from './configuration-of.js';
import { nodeKeyedOf } from './configuration-of.js';

// For `in (...)` lists of keys; well below every backend's bound-parameter limit.
const keysPerQuery = 1000;

/**
 * Stores a configuration and the nodes it refers to, unless it is stored already; an existing
 * configuration has its nodes, since nodes are written first and never change. Call it inside
 * the transaction that points a device at the configuration. Nodes outlive the configurations
 * that listed them: they are small and shared, and proving one unused would mean reading every
 * stored configuration of the tenant.
 *
 * With `rowLocks` (the store's supportsRowLocks), the configuration row is held (key share)
 * until commit, so a transaction dropping it as unused (see dropUnusedConfiguration) cannot
 * remove it under a device that is about to point at it. Only a writer that never drops
 * configurations, such as a bulk loader of new devices, may leave it off.
 */
export async function saveAddressedConfiguration(
  db: Db,
  tenantId: string,
  addressed: AddressedConfiguration,
  now: Date,
  rowLocks = false,
): Promise<void> {
  const held = () =>
    db
      .selectFrom('device_configurations')
      .select('key')
      .where('tenant_id', '=', tenantId)
      .where('key', '=', addressed.key)
      .$if(rowLocks, (qb) => qb.forKeyShare())
      .executeTakeFirst();
  if (await held()) return;

  const nodes = new Map<string, string>();
  addressed.nodeKeys.forEach((key, position) => {
    nodes.set(key, JSON.stringify(addressed.configuration.devices[position]));
  });

  const rows = [...nodes].map(([key, body]) => ({ tenant_id: tenantId, key, body }));
  for (let start = 0; start < rows.length; start += keysPerQuery) {
    await db
      .insertInto('device_nodes')
      .values(rows.slice(start, start + keysPerQuery))
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
      .execute();
  }
  const inserted = await db
    .insertInto('device_configurations')
    .values({
      tenant_id: tenantId,
      key: addressed.key,
      body: JSON.stringify(nodeKeyedOf(addressed)),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .executeTakeFirst();

  // Another transaction stored it first: hold that row as well. Should it have been dropped
  // again in between, its nodes are still there and the row can simply be stored once more.
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n && !(await held())) {
    await saveAddressedConfiguration(db, tenantId, addressed, now, rowLocks);
  }
}

export async function loadNodeKeyedConfigurations(
  db: Db,
  tenantId: string,
  keys: readonly string[],
): Promise<Map<string, NodeKeyedConfiguration>> {
  const found = new Map<string, NodeKeyedConfiguration>();

  for (let start = 0; start < keys.length; start += keysPerQuery) {
    const rows = await db
      .selectFrom('device_configurations')
      .select(['key', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('key', 'in', keys.slice(start, start + keysPerQuery))
      .execute();
    for (const row of rows) found.set(row.key, JSON.parse(row.body) as NodeKeyedConfiguration);
  }

  return found;
}

export async function loadDeviceNodes(
  db: Db,
  tenantId: string,
  keys: Iterable<string>,
): Promise<Map<string, ConfiguredNode>> {
  const wanted = [...new Set(keys)];
  const found = new Map<string, ConfiguredNode>();

  for (let start = 0; start < wanted.length; start += keysPerQuery) {
    const rows = await db
      .selectFrom('device_nodes')
      .select(['key', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('key', 'in', wanted.slice(start, start + keysPerQuery))
      .execute();
    for (const row of rows) found.set(row.key, JSON.parse(row.body) as ConfiguredNode);
  }

  return found;
}
