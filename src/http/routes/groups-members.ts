// A group's direct members: list them, add one by reference, remove one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deviceJson } from '../../fleet/device-spec.js';
import { findDevicesByIds } from '../../fleet/fleet-repo.js';
import { parseMemberReference } from '../../fleet/group-body.js';
import { findGroupsByIds, membersOf } from '../../fleet/group-repo.js';
import { groupJson, memberSpec } from '../../fleet/group-spec.js';
import {
  applyQueryOptions,
  buildNextLink,
  countQuery,
  parseQueryOptions,
  projectEntity,
  takePage,
  type RawQuery,
} from '../../graph/odata/index.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { metadataUrl, sendCount } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readMembers, writeMembers } from './devices-permissions.js';
import type { GroupRouteDeps } from './groups.js';

interface MemberRow {
  readonly id: string;
  readonly member_type: 'device' | 'group';
  readonly display_name: string;
}

export function registerMemberRoutes(
  server: GraphServer,
  deps: GroupRouteDeps,
  groupsPath: string,
): void {
  const { db, groups } = deps;
  const membersPath = `${groupsPath}/:id/members`;
  const ids = (request: Parameters<typeof principalOf>[0] & { params: unknown }) => ({
    tenantId: principalOf(request).tenantId,
    groupId: guidParam(request, 'id', 'group'),
  });

  addRoute(server, {
    method: 'GET',
    url: membersPath,
    permissions: readMembers,
    handler: async (request, reply) => {
      const { tenantId, groupId } = ids(request);
      await groups.get(tenantId, groupId);
      await sendMembers(request, reply, db, tenantId, groupId);
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${membersPath}/$count`,
    permissions: readMembers,
    handler: async (request, reply) => {
      const { tenantId, groupId } = ids(request);
      await groups.get(tenantId, groupId);
      await sendCount(request, reply, memberSpec, membersOf(db, tenantId, groupId));
    },
  });

  addRoute(server, {
    method: 'POST',
    url: `${membersPath}/$ref`,
    permissions: writeMembers,
    handler: async (request, reply) => {
      const { tenantId, groupId } = ids(request);
      await groups.addMember(tenantId, groupId, parseMemberReference(request.body));
      reply.code(204).send();
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: `${membersPath}/:memberId/$ref`,
    permissions: writeMembers,
    handler: async (request, reply) => {
      const { tenantId, groupId } = ids(request);
      const memberId = guidParam(request, 'memberId', 'directory object');
      await groups.removeMember(tenantId, groupId, memberId);
      reply.code(204).send();
    },
  });
}

// Members are queried as one list over what devices and groups share, then each page is read
// in full from its own table, so every member keeps its whole shape and its @odata.type.
async function sendMembers(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  tenantId: string,
  groupId: string,
): Promise<void> {
  const options = parseQueryOptions(request.query as RawQuery, memberSpec, 'collection');
  const base = membersOf(db, tenantId, groupId);
  const query = applyQueryOptions(base.selectAll(), options, memberSpec);
  const page = takePage((await query.execute()) as MemberRow[], options.page);
  const { baseUrl, version, originalUrl } = request.graph;
  const body: Record<string, unknown> = {
    '@odata.context': metadataUrl(baseUrl, version, 'directoryObjects'),
  };

  if (options.count) {
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
  const idsOf = (type: MemberRow['member_type']) =>
    rows.filter((row) => row.member_type === type).map((row) => row.id);
  const devices = await findDevicesByIds(db, tenantId, idsOf('device'));
  const groups = await findGroupsByIds(db, tenantId, idsOf('group'));
  const byId = new Map<string, Record<string, unknown>>([
    ...devices.map((row) => [row.id, deviceJson(row)] as const),
    ...groups.map((row) => [row.id, groupJson(row)] as const),
  ]);

  return rows.map((row) => byId.get(row.id) ?? { id: row.id });
}
