// Device objects (Entra devices) under /devices on both /beta and /v1.0.
import type { FastifyRequest } from 'fastify';
import { parseDeviceChanges, parseNewDevice } from '../../fleet/device-body.js';
import type { DeviceDirectory } from '../../fleet/device-directory.js';
import { deviceJson, deviceSpec } from '../../fleet/device-spec.js';
import { devicesOf } from '../../fleet/fleet-repo.js';
import type { DeviceTable } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendCollection, sendCount, sendEntity } from '../odata-response.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { deviceObjectId } from './device-key.js';
import { readDevices, writeDevices } from './devices-permissions.js';
import { registerMemberOfRoutes } from './member-of.js';

export const directoryVersions = ['beta', 'v1.0'] as const;
const contextPath = 'devices';

export function registerDeviceRoutes(
  server: GraphServer,
  deps: { readonly db: Db; readonly devices: DeviceDirectory },
): void {
  for (const version of directoryVersions) {
    const path = `/${version}/devices`;
    registerVersion(server, deps, path);
    registerMemberOfRoutes(server, {
      db: deps.db,
      path,
      kind: 'device',
      permissions: readDevices,
      exists: (tenantId, id) => deps.devices.get(tenantId, id),
    });
  }
}

function registerVersion(
  server: GraphServer,
  deps: { readonly db: Db; readonly devices: DeviceDirectory },
  path: string,
): void {
  const { db, devices } = deps;
  const tenantOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).tenantId;
  const idOf = (request: FastifyRequest) => deviceObjectId(db, tenantOf(request), request);

  addRoute(server, {
    method: 'GET',
    url: path,
    permissions: readDevices,
    directoryQueries: true,
    handler: (request, reply) =>
      sendCollection(request, reply, {
        spec: deviceSpec,
        contextPath,
        base: devicesOf(db, tenantOf(request)),
        toJson: (row: DeviceTable) => deviceJson(row),
      }),
  });

  addRoute(server, {
    method: 'GET',
    url: `${path}/$count`,
    permissions: readDevices,
    directoryQueries: true,
    handler: (request, reply) =>
      sendCount(request, reply, deviceSpec, devicesOf(db, tenantOf(request))),
  });

  addRoute(server, {
    method: 'POST',
    url: path,
    permissions: writeDevices,
    handler: async (request, reply) => {
      const row = await devices.create(tenantOf(request), parseNewDevice(request.body));
      sendEntity(request, reply, {
        contextPath,
        json: deviceJson(row),
        status: 201,
        location: `${request.graph.baseUrl}${path}/${row.id}`,
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${path}/:id`,
    permissions: readDevices,
    handler: async (request, reply) => {
      const options = entityOptions(request, deviceSpec);
      const row = await devices.get(tenantOf(request), await idOf(request));
      sendEntity(request, reply, { contextPath, json: deviceJson(row), options });
    },
  });

  // Graph answers a device update with 204 and no body.
  addRoute(server, {
    method: 'PATCH',
    url: `${path}/:id`,
    permissions: writeDevices,
    handler: async (request, reply) => {
      await devices.update(
        tenantOf(request),
        await idOf(request),
        parseDeviceChanges(request.body),
      );
      reply.code(204).send();
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: `${path}/:id`,
    permissions: writeDevices,
    handler: async (request, reply) => {
      await devices.delete(tenantOf(request), await idOf(request));
      reply.code(204).send();
    },
  });
}
