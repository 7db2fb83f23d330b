// A group's direct members: list them, add one by reference, remove one.
import { parseMemberReference } from '../../fleet/group-body.js';
import { findDevicesByIds } from '../../fleet/fleet-repo.js';
import { deviceJson } from '../../fleet/device-spec.js';
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

      const options = parseQueryOptions(request.query as RawQuery, memberSpec, 'collection');
      const base = membersOf(db, tenantId, groupId);
      const query = applyQueryOptions(base.selectAll(), options, memberSpec);
      const page = takePage((await query.execute()) as MemberRow[], options.page);
      const json = await memberJsons(page.rows);
      const body: Record<string, unknown> = {
        '@odata.context': metadataUrl(
          request.graph.baseUrl,
          request.graph.version,
          'directoryObjects',
        ),
      };
      if (options.count) {
        const counted = await countQuery(base, options, memberSpec).executeTakeFirst();
        body['@odata.count'] = Number((counted as { count?: number | string })?.count ?? 0);
      }
      if (page.nextOffset !== null) {
        const url = `${request.graph.baseUrl}${request.graph.originalUrl}`;
        body['@odata.nextLink'] = buildNextLink(url, options, page.nextOffset);
      }
      body.value = json.map((item) => projectEntity(item, options.select));
      reply.send(body);

      async function memberJsons(rows: readonly MemberRow[]) {
        const of = (type: MemberRow['member_type']) =>
          rows.filter((row) => row.member_type === type).map((row) => row.id);
        const devices = new Map(
          (await findDevicesByIds(db, tenantId, of('device'))).map((r) => [r.id, deviceJson(r)]),
        );
        const nested = new Map(
          (await findGroupsByIds(db, tenantId, of('group'))).map((r) => [r.id, groupJson(r)]),
        );

        return rows.map((row) => devices.get(row.id) ?? nested.get(row.id) ?? { id: row.id });
      }
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
