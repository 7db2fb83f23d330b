// The groups a device or a group belongs to: `memberOf` (directly) and `transitiveMemberOf`
// (through the groups that hold those too), with `$count` and the cast `/microsoft.graph.group`,
// which arrives here unqualified (see graph-path.ts). Only groups hold members here, so every
// list is of groups; uncast, it is named a list of directory objects, as on Graph. The same
// questions asked as actions, `getMemberGroups` and the like, are in member-groups.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MemberScope } from '../../fleet/group-members-query.js';
import { groupsOf } from '../../fleet/group-repo.js';
import { groupJson, groupSpec } from '../../fleet/group-spec.js';
import { groupIdsHolding } from '../../fleet/member-of-query.js';
import type { GroupTable } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { sendCollection, sendCount } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { registerMemberGroupActions } from './member-groups.js';
import { refuseUnheldCasts } from './unheld-casts.js';

export interface MemberOfRoutes {
  readonly db: Db;
  /** `/beta/devices` or `/v1.0/groups`, say. */
  readonly path: string;
  /** What the id in the path names, for messages: `device` or `group`. */
  readonly kind: string;
  readonly permissions: readonly string[];
  /** Fails with 404 when the tenant has no such object. */
  readonly exists: (tenantId: string, id: string) => Promise<unknown>;
}

const scopes: Readonly<Record<string, MemberScope>> = {
  memberOf: 'direct',
  transitiveMemberOf: 'transitive',
};

export function registerMemberOfRoutes(server: GraphServer, routes: MemberOfRoutes): void {
  for (const [segment, scope] of Object.entries(scopes)) {
    const path = `${routes.path}/:id/${segment}`;
    const read = (url: string, send: (holders: Holders) => Promise<void>) =>
      addRoute(server, {
        method: 'GET',
        url,
        permissions: routes.permissions,
        directoryQueries: true,
        handler: async (request, reply) => {
          const tenantId = principalOf(request).tenantId;
          const id = guidParam(request, 'id', routes.kind);
          await routes.exists(tenantId, id);
          await send({ request, reply, base: holdersOf(routes.db, tenantId, id, scope) });
        },
      });

    read(path, (holders) => sendHolders(holders, 'directoryObjects'));
    read(`${path}/group`, (holders) => sendHolders(holders, 'groups'));
    for (const countPath of [`${path}/$count`, `${path}/group/$count`]) {
      read(countPath, ({ request, reply, base }) => sendCount(request, reply, groupSpec, base));
    }
    refuseUnheldCasts(server, path, routes.permissions);
  }
  registerMemberGroupActions(server, routes);
}

interface Holders {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly base: ReturnType<typeof holdersOf>;
}

function holdersOf(db: Db, tenantId: string, id: string, scope: MemberScope) {
  return groupsOf(db, tenantId).where('id', 'in', groupIdsHolding(db, tenantId, id, scope));
}

function sendHolders(holders: Holders, contextPath: string): Promise<void> {
  return sendCollection(holders.request, holders.reply, {
    spec: groupSpec,
    contextPath,
    base: holders.base,
    toJson: (row: GroupTable) => groupJson(row),
  });
}
