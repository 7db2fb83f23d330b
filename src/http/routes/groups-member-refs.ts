// A group's direct members change by reference: add one with `POST .../members/$ref`, remove
// one with `DELETE .../members/{id}/$ref`.
import { parseMemberReference } from '../../fleet/group-body.js';
import { addRoute } from '../add-route.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { writeMembers } from './devices-permissions.js';
import type { GroupRouteDeps } from './groups.js';

export function registerMemberReferenceRoutes(
  server: GraphServer,
  deps: GroupRouteDeps,
  membersPath: string,
): void {
  const { groups } = deps;

  addRoute(server, {
    method: 'POST',
    url: `${membersPath}/$ref`,
    permissions: writeMembers,
    handler: async (request, reply) => {
      const tenantId = principalOf(request).tenantId;
      const groupId = guidParam(request, 'id', 'group');
      await groups.addMember(tenantId, groupId, parseMemberReference(request.body));
      reply.code(204).send();
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: `${membersPath}/:memberId/$ref`,
    permissions: writeMembers,
    handler: async (request, reply) => {
      const tenantId = principalOf(request).tenantId;
      const groupId = guidParam(request, 'id', 'group');
      const memberId = guidParam(request, 'memberId', 'directory object');
      await groups.removeMember(tenantId, groupId, memberId);
      reply.code(204).send();
    },
  });
}
