// A group's members, read: `members` (direct) and `transitiveMembers` (through nested groups
// too), each also cast to one kind of member, `/microsoft.graph.device` or
// `/microsoft.graph.group`, as scripts that want a group's devices ask for them. The casts
// arrive here unqualified (see graph-path.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deviceJson, deviceSpec } from '../../fleet/device-spec.js';
import { directoryObjectsById } from '../../fleet/directory-object-json.js';
import { devicesOf } from '../../fleet/fleet-repo.js';
import { memberIds, membersOf, type MemberScope } from '../../fleet/group-members-query.js';
import { groupsOf } from '../../fleet/group-repo.js';
import { groupJson, groupSpec, memberSpec } from '../../fleet/group-spec.js';
import {
  applyQueryOptions,
  buildNextLink,
  countQuery,
  parseQueryOptions,
  projectEntity,
  takePage,
  type RawQuery,
} from '../../graph/odata/index.js';
import type { DeviceTable, GroupTable } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import { addRoute, type RouteSpec } from '../add-route.js';
import { answersInlineCount, checkDirectoryQuery } from '../directory-queries.js';
import { metadataUrl, sendCollection, sendCount } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readMembers } from './devices-permissions.js';
import { registerMemberReferenceRoutes } from './groups-member-refs.js';
import { refuseUnheldCasts } from './unheld-casts.js';
import type { GroupRouteDeps } from './groups.js';

interface MemberRow {
  readonly id: string;
  readonly member_type: 'device' | 'group';
  readonly display_name: string;
}

interface MemberList {
  readonly db: Db;
  readonly tenantId: string;
  readonly groupId: string;
  readonly scope: MemberScope;
}

type ListHandler = (request: FastifyRequest, reply: FastifyReply, list: MemberList) => unknown;

const scopes: Readonly<Record<string, MemberScope>> = {
  members: 'direct',
  transitiveMembers: 'transitive',
};

export function registerMemberRoutes(
  server: GraphServer,
  deps: GroupRouteDeps,
  groupsPath: string,
): void {
  for (const [segment, scope] of Object.entries(scopes)) {
    const path = `${groupsPath}/:id/${segment}`;
    const read = (url: string, handle: ListHandler) =>
      addRoute(server, listRoute(deps, scope, url, handle));

    read(path, sendMembers);
    read(`${path}/$count`, (request, reply, list) =>
      sendCount(
        request,
        reply,
        memberSpec,
        membersOf(list.db, list.tenantId, list.groupId, list.scope),
      ),
    );
    read(`${path}/device`, sendDeviceMembers);
    read(`${path}/device/$count`, (request, reply, list) =>
      sendCount(request, reply, deviceSpec, deviceMembers(list)),
    );
    read(`${path}/group`, sendGroupMembers);
    read(`${path}/group/$count`, (request, reply, list) =>
      sendCount(request, reply, groupSpec, groupMembers(list)),
    );
    refuseUnheldCasts(server, path, readMembers);
  }
  registerMemberReferenceRoutes(server, deps, `${groupsPath}/:id/members`);
}

/** A GET of one of the group's member lists; a group that does not exist is a 404 first. */
function listRoute(
  deps: GroupRouteDeps,
  scope: MemberScope,
  url: string,
  handle: ListHandler,
): RouteSpec {
  return {
    method: 'GET',
    url,
    permissions: readMembers,
    directoryQueries: true,
    handler: async (request, reply) => {
      const tenantId = principalOf(request).tenantId;
      const groupId = guidParam(request, 'id', 'group');
      await deps.groups.get(tenantId, groupId);
      await handle(request, reply, { db: deps.db, tenantId, groupId, scope });
    },
  };
}

function deviceMembers(list: MemberList) {
  const { db, tenantId, groupId, scope } = list;

  return devicesOf(db, tenantId).where(
    'id',
    'in',
    memberIds(db, tenantId, groupId, scope, 'device'),
  );
}

function groupMembers(list: MemberList) {
  const { db, tenantId, groupId, scope } = list;

  return groupsOf(db, tenantId).where('id', 'in', memberIds(db, tenantId, groupId, scope, 'group'));
}

function sendDeviceMembers(request: FastifyRequest, reply: FastifyReply, list: MemberList) {
  return sendCollection(request, reply, {
    spec: deviceSpec,
    contextPath: 'devices',
    base: deviceMembers(list),
    toJson: (row: DeviceTable) => deviceJson(row),
  });
}

function sendGroupMembers(request: FastifyRequest, reply: FastifyReply, list: MemberList) {
  return sendCollection(request, reply, {
    spec: groupSpec,
    contextPath: 'groups',
    base: groupMembers(list),
    toJson: (row: GroupTable) => groupJson(row),
  });
}

// Members of both kinds are queried as one list over what devices and groups share, then each
// page is read in full from its own table, so every member keeps its whole shape and its
// @odata.type.
async function sendMembers(
  request: FastifyRequest,
  reply: FastifyReply,
  list: MemberList,
): Promise<void> {
  const { db, tenantId } = list;
  const options = parseQueryOptions(request.query as RawQuery, memberSpec, 'collection');
  checkDirectoryQuery(request, options, memberSpec);
  const base = membersOf(db, tenantId, list.groupId, list.scope);
  const query = applyQueryOptions(base.selectAll(), options, memberSpec);
  const page = takePage((await query.execute()) as MemberRow[], options.page);
  const { baseUrl, version, originalUrl } = request.graph;
  const body: Record<string, unknown> = {
    '@odata.context': metadataUrl(baseUrl, version, 'directoryObjects'),
  };

  if (options.count && answersInlineCount(request)) {
    const counted = await countQuery(base, options, memberSpec).executeTakeFirst();
    body['@odata.count'] = Number((counted as { count?: number | string })?.count ?? 0);
  }
  if (page.nextOffset !== null) {
    body['@odata.nextLink'] = buildNextLink(`${baseUrl}${originalUrl}`, options, page.nextOffset);
  }
  const members = await memberJsons(db, tenantId, page.rows);
  body.value = members.map((member) => projectEntity(member, options.select));

  reply.send(body);
}

async function memberJsons(
  db: Db,
  tenantId: string,
  rows: readonly MemberRow[],
): Promise<Record<string, unknown>[]> {
  const byId = await directoryObjectsById(
    db,
    tenantId,
    rows.map((row) => row.id),
  );

  return rows.map((row) => byId.get(row.id) ?? { id: row.id });
}
