// What a profile's sync weighs: the distinct hardware configurations of the assigned devices
// that have reported, each with how many devices share it, and their distinct nodes. Counting
// happens in SQL, so the cost follows the number of configurations rather than the fleet size.
import type { Db } from '../store/store.js';
import type {
  ConfiguredNode,
  DeviceConfiguration,
  NodeKeyedConfiguration,
} from './configuration-of.js';
import { loadDeviceNodes, loadNodeKeyedConfigurations } from './configuration-repo.js';
import { devicesInGroups } from './group-resolution.js';

export interface AssignedScope {
  readonly allDevices: boolean;
  readonly includedGroupIds: readonly string[];
  readonly excludedGroupIds: readonly string[];
}

export interface AssignedConfiguration {
  readonly key: string;
  readonly deviceCount: number;
  /** Its nodes are shared with every other configuration that has them. */
  readonly configuration: DeviceConfiguration;
  /** The content address of each of `configuration.devices`, in the same order. */
  readonly nodeKeys: readonly string[];
}

export interface AssignedConfigurations {
  /** Sorted by key, so a sync sees them in the same order every time. */
  readonly configurations: readonly AssignedConfiguration[];
  /** Every distinct node of those configurations, by its key. */
  readonly nodes: ReadonlyMap<string, ConfiguredNode>;
  /** Assigned devices that have reported: the profile's deviceReporting counter. */
  readonly reportingDevices: number;
}

/** Exclusions win over inclusions, as in Intune; nested groups count at any depth. */
export async function loadAssignedConfigurations(
  db: Db,
  tenantId: string,
  scope: AssignedScope,
): Promise<AssignedConfigurations> {
  if (!scope.allDevices && scope.includedGroupIds.length === 0) {
    return { configurations: [], nodes: new Map(), reportingDevices: 0 };
  }

  let assigned = db
    .selectFrom('devices')
    .where('devices.tenant_id', '=', tenantId)
    .where('devices.configuration_key', 'is not', null);
  if (!scope.allDevices) {
    assigned = assigned.where(
      'devices.id',
      'in',
      devicesInGroups(db, tenantId, scope.includedGroupIds),
    );
  }
  if (scope.excludedGroupIds.length > 0) {
    assigned = assigned.where(
      'devices.id',
      'not in',
      devicesInGroups(db, tenantId, scope.excludedGroupIds),
    );
  }
  // One row per distinct configuration, read through a cursor: a large fleet never arrives as
  // one result set. Only the key and its count are kept from each row.
  const counts: { key: string; count: number }[] = [];
  const rows = assigned
    .select((eb) => ['devices.configuration_key', eb.fn.countAll<number | string>().as('count')])
    .groupBy('devices.configuration_key')
    .orderBy('devices.configuration_key')
    .stream(streamChunk);
  for await (const row of rows) {
    counts.push({ key: row.configuration_key ?? '', count: Number(row.count) });
  }
  const keys = counts.map((row) => row.key);
  const stored = await loadNodeKeyedConfigurations(db, tenantId, keys);
  const nodes = await loadDeviceNodes(db, tenantId, nodeKeysOf(stored.values()));

  const configurations = counts.map(({ key, count }) => {
    const body = stored.get(key);
    if (body === undefined) throw new Error(`device configuration ${key} is missing`);

    return {
      key,
      deviceCount: count,
      configuration: resolved(key, body, nodes),
      nodeKeys: body.nodeKeys,
    };
  });

  return {
    configurations,
    nodes,
    reportingDevices: configurations.reduce((total, entry) => total + entry.deviceCount, 0),
  };
}

const streamChunk = 1000;

function* nodeKeysOf(configurations: Iterable<NodeKeyedConfiguration>): Generator<string> {
  for (const configuration of configurations) yield* configuration.nodeKeys;
}

// Configurations share node objects, so resolving one costs an array of references.
function resolved(
  key: string,
  stored: NodeKeyedConfiguration,
  nodes: ReadonlyMap<string, ConfiguredNode>,
): DeviceConfiguration {
  const devices = stored.nodeKeys.map((nodeKey) => {
    const node = nodes.get(nodeKey);
    if (node === undefined) throw new Error(`device node ${nodeKey} of ${key} is missing`);

    return node;
  });

  return { os: stored.os, computerHardwareIds: stored.computerHardwareIds, devices };
}
