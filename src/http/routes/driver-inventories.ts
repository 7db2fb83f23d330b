// /windowsDriverUpdateProfiles/{id}/driverInventories: rows come only from syncInventory.
import { graphError } from '../../graph/errors.js';
import { parseDriverPatch } from '../../profiles/action-body.js';
import { inventorySpec } from '../../profiles/entity-specs.js';
import { inventoryJson } from '../../profiles/inventory-json.js';
import { inventoryView, type InventoryView } from '../../profiles/inventory-repo.js';
import type { InventoryService } from '../../profiles/inventory-service.js';
import type { ProfileService } from '../../profiles/profile-service.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendEntity } from '../odata-response.js';
import { driverIdParam } from '../path-params.js';
import type { GraphServer } from '../server.js';
import { readProfiles, writeProfiles } from './permissions.js';
import { childContextPath, profileScope, registerChildCollection } from './profile-children.js';
import { profilesPath } from './profiles.js';

const collectionUrl = `${profilesPath}/:profileId/driverInventories`;
const itemUrl = `${collectionUrl}/:driverId`;

export function registerInventoryRoutes(
  server: GraphServer,
  deps: {
    readonly db: Db;
    readonly profiles: ProfileService;
    readonly inventory: InventoryService;
  },
): void {
  const { db, profiles, inventory } = deps;
  const contextOf = (profileId: string) => childContextPath(profileId, 'driverInventories');

  registerChildCollection(server, profiles, {
    url: collectionUrl,
    navigation: 'driverInventories',
    spec: inventorySpec,
    base: ({ tenantId, profileId }) => inventoryView(db, tenantId, profileId),
    toJson: (row: InventoryView) => inventoryJson(row),
  });

  addRoute(server, {
    method: 'POST',
    url: collectionUrl,
    permissions: writeProfiles,
    handler: async (request) => {
      const { tenantId, profileId } = profileScope(request);
      await profiles.get(tenantId, profileId);
      throw graphError('inventoryCreateNotAllowed', {});
    },
  });

  addRoute(server, {
    method: 'GET',
    url: itemUrl,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const options = entityOptions(request, inventorySpec);
      const row = await inventory.get(tenantId, profileId, driverIdParam(request));
      sendEntity(request, reply, {
        contextPath: contextOf(profileId),
        json: inventoryJson(row),
        options,
      });
    },
  });

  addRoute(server, {
    method: 'PATCH',
    url: itemUrl,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const driverId = driverIdParam(request);
      const row = await inventory.patch(
        tenantId,
        profileId,
        driverId,
        parseDriverPatch(request.body),
      );
      sendEntity(request, reply, { contextPath: contextOf(profileId), json: inventoryJson(row) });
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: itemUrl,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      await inventory.delete(tenantId, profileId, driverIdParam(request));
      reply.code(204).send();
    },
  });
}
