// Security groups under /groups on both /beta and /v1.0.
import { parseGroupChanges, parseNewGroup } from '../../fleet/group-body.js';
import { expandedMembers } from '../../fleet/group-member-expansion.js';
import { groupsOf } from '../../fleet/group-repo.js';
import type { GroupService } from '../../fleet/group-service.js';
import { groupJson, groupSpec } from '../../fleet/group-spec.js';
import type { GroupTable } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendCollection, sendCount, sendEntity } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { directoryVersions } from './devices.js';
import { readGroups, readMembers, writeGroups } from './devices-permissions.js';
import { registerMemberRoutes } from './groups-members.js';
import { registerMemberOfRoutes } from './member-of.js';

export interface GroupRouteDeps {
  readonly db: Db;
  readonly groups: GroupService;
}

export function registerGroupRoutes(server: GraphServer, deps: GroupRouteDeps): void {
  for (const version of directoryVersions) {
    const path = `/${version}/groups`;
    registerVersion(server, deps, path);
    registerMemberRoutes(server, deps, path);
    registerMemberOfRoutes(server, {
      db: deps.db,
      path,
      kind: 'group',
      permissions: readMembers,
      exists: (tenantId, id) => deps.groups.get(tenantId, id),
    });
  }
}

function registerVersion(server: GraphServer, deps: GroupRouteDeps, path: string): void {
  const { db, groups } = deps;
  const tenantOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).tenantId;
  const idOf = (request: { params: unknown }) => guidParam(request, 'id', 'group');
  const contextPath = 'groups';

  addRoute(server, {
    method: 'GET',
    url: path,
    permissions: readGroups,
    directoryQueries: true,
    handler: (request, reply) =>
      sendCollection(request, reply, {
        spec: groupSpec,
        contextPath,
        base: groupsOf(db, tenantOf(request)),
        toJson: (row: GroupTable) => groupJson(row),
        expand: (rows) => withMembers(db, tenantOf(request), rows),
      }),
  });

  addRoute(server, {
    method: 'GET',
    url: `${path}/$count`,
    permissions: readGroups,
    directoryQueries: true,
    handler: (request, reply) =>
      sendCount(request, reply, groupSpec, groupsOf(db, tenantOf(request))),
  });

  addRoute(server, {
    method: 'POST',
    url: path,
    permissions: writeGroups,
    handler: async (request, reply) => {
      const row = await groups.create(tenantOf(request), parseNewGroup(request.body));
      sendEntity(request, reply, {
        contextPath,
        json: groupJson(row),
        status: 201,
        location: `${request.graph.baseUrl}${path}/${row.id}`,
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${path}/:id`,
    permissions: readGroups,
    handler: async (request, reply) => {
      const options = entityOptions(request, groupSpec);
      const row = await groups.get(tenantOf(request), idOf(request));
      const [json] =
        options.expand.length > 0
          ? await withMembers(db, tenantOf(request), [row])
          : [groupJson(row)];
      sendEntity(request, reply, { contextPath, json: json!, options });
    },
  });

  // Graph answers a group update with 204 and no body.
  addRoute(server, {
    method: 'PATCH',
    url: `${path}/:id`,
    permissions: writeGroups,
    handler: async (request, reply) => {
      await groups.update(tenantOf(request), idOf(request), parseGroupChanges(request.body));
      reply.code(204).send();
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: `${path}/:id`,
    permissions: writeGroups,
    handler: async (request, reply) => {
      await groups.delete(tenantOf(request), idOf(request));
      reply.code(204).send();
    },
  });
}

/** Groups with their first members, for `$expand=members`, the one expansion groups take. */
async function withMembers(
  db: Db,
  tenantId: string,
  rows: readonly GroupTable[],
): Promise<Record<string, unknown>[]> {
  const members = await expandedMembers(
    db,
    tenantId,
    rows.map((row) => row.id),
  );

  return rows.map((row) => ({ ...groupJson(row), members: members.get(row.id) ?? [] }));
}
