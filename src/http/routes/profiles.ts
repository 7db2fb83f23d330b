// /beta/deviceManagement/windowsDriverUpdateProfiles and the profile itself.
import type { ExpandItem } from '../../graph/odata/index.js';
import { assignmentJson } from '../../profiles/assignment-body.js';
import { profileSpec } from '../../profiles/entity-specs.js';
import { inventoryJson } from '../../profiles/inventory-json.js';
import { inventoryOfProfiles, type InventoryView } from '../../profiles/inventory-repo.js';
import {
  parseNewProfile,
  parseProfileChanges,
  type ApprovalType,
} from '../../profiles/profile-body.js';
import { profileJson } from '../../profiles/profile-record.js';
import { listAssignments } from '../../profiles/profiles-repo.js';
import type { ProfileService } from '../../profiles/profile-service.js';
import type { Db } from '../../store/store.js';
import type { ProfileTable } from '../../store/schema.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendCollection, sendCount, sendEntity } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readProfiles, writeProfiles } from './permissions.js';

export const profilesPath = '/beta/deviceManagement/windowsDriverUpdateProfiles';
const contextPath = 'deviceManagement/windowsDriverUpdateProfiles';

export function registerProfileRoutes(
  server: GraphServer,
  deps: { readonly db: Db; readonly profiles: ProfileService },
): void {
  const { db, profiles } = deps;
  const tenantOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).tenantId;
  const base = (tenantId: string) => db.selectFrom('profiles').where('tenant_id', '=', tenantId);

  addRoute(server, {
    method: 'GET',
    url: profilesPath,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const tenantId = tenantOf(request);
      await sendCollection(request, reply, {
        spec: profileSpec,
        contextPath,
        base: base(tenantId),
        toJson: (row: ProfileTable) => profileJson(row),
        expand: (rows, items) => expandProfiles(db, tenantId, rows, items),
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${profilesPath}/$count`,
    permissions: readProfiles,
    handler: (request, reply) => sendCount(request, reply, profileSpec, base(tenantOf(request))),
  });

  addRoute(server, {
    method: 'POST',
    url: profilesPath,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const row = await profiles.create(tenantOf(request), parseNewProfile(request.body));
      sendEntity(request, reply, {
        contextPath,
        json: profileJson(row),
        status: 201,
        location: `${request.graph.baseUrl}${profilesPath}('${row.id}')`,
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${profilesPath}/:profileId`,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const options = entityOptions(request, profileSpec);
      const tenantId = tenantOf(request);
      const row = await profiles.get(tenantId, guidParam(request, 'profileId', 'profile'));
      const [json] = await expandProfiles(db, tenantId, [row], options.expand);
      sendEntity(request, reply, { contextPath, json: json!, options });
    },
  });

  addRoute(server, {
    method: 'PATCH',
    url: `${profilesPath}/:profileId`,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const id = guidParam(request, 'profileId', 'profile');
      const row = await profiles.update(tenantOf(request), id, (current) =>
        parseProfileChanges(request.body, current.approval_type as ApprovalType),
      );
      sendEntity(request, reply, { contextPath, json: profileJson(row) });
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: `${profilesPath}/:profileId`,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      await profiles.delete(tenantOf(request), guidParam(request, 'profileId', 'profile'));
      reply.code(204).send();
    },
  });
}

async function expandProfiles(
  db: Db,
  tenantId: string,
  rows: readonly ProfileTable[],
  items: readonly ExpandItem[],
): Promise<Record<string, unknown>[]> {
  const jsons = rows.map((row) => profileJson(row));
  const names = new Set(items.map((item) => item.name));
  if (names.has('assignments')) {
    const assignments = await listAssignments(
      db,
      tenantId,
      rows.map((row) => row.id),
    );
    jsons.forEach((json, i) => {
      json.assignments = assignments
        .filter((a) => a.profile_id === rows[i]!.id)
        .map((a) => assignmentJson(a));
    });
  }
  if (names.has('driverInventories') && rows.length > 0) {
    const inventory = (await inventoryOfProfiles(
      db,
      tenantId,
      rows.map((row) => row.id),
    )
      .selectAll()
      .orderBy('profile_id')
      .orderBy('driver_id')
      .execute()) as (InventoryView & { profile_id: string })[];
    const byProfile = new Map<string, InventoryView[]>();
    for (const driver of inventory) {
      const list = byProfile.get(driver.profile_id);
      if (list) list.push(driver);
      else byProfile.set(driver.profile_id, [driver]);
    }
    jsons.forEach((json, i) => {
      json.driverInventories = (byProfile.get(rows[i]!.id) ?? []).map(inventoryJson);
    });
  }

  return jsons;
}
