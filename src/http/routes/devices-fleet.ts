// The fleet's HTTP surface in one call: device objects, groups with their members, any of them
// as a directory object, and the report endpoint devices send to.
import { DeviceDirectory } from '../../fleet/device-directory.js';
import { DeviceReportService } from '../../fleet/device-report-service.js';
import { GroupService } from '../../fleet/group-service.js';
import type { TokenVerifier } from '../../identity/index.js';
import type { Store } from '../../store/store.js';
import type { GraphServer } from '../server.js';
import { registerDeviceRoutes } from './devices.js';
import { registerDirectoryObjectRoutes } from './directory-objects.js';
import { registerGroupRoutes } from './groups.js';
import { registerReportRoutes } from './reports.js';

export interface FleetRouteDeps {
  readonly store: Store;
  readonly clock: () => Date;
  readonly verifier: TokenVerifier;
}

export function registerFleetRoutes(server: GraphServer, deps: FleetRouteDeps): void {
  const { store, clock, verifier } = deps;

  registerDeviceRoutes(server, { db: store.db, devices: new DeviceDirectory({ store, clock }) });
  registerGroupRoutes(server, { db: store.db, groups: new GroupService({ store, clock }) });
  registerDirectoryObjectRoutes(server, store.db);
  registerReportRoutes(server, {
    reports: new DeviceReportService({ store, clock }),
    verifier,
  });
}
