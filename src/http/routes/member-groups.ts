// The directory actions that answer which groups a device or group belongs to, transitively,
// as plain lists of ids: `getMemberGroups` and `getMemberObjects` list them all,
// `checkMemberGroups` and `checkMemberObjects` keep those of a given list. Groups are the only
// directory objects here that hold members, so the `Objects` forms answer as the `Groups` ones.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCheckMemberIds, parseGetMemberGroups } from '../../fleet/member-groups-body.js';
import { groupIdsHolding } from '../../fleet/member-of-query.js';
import { addRoute } from '../add-route.js';
import { metadataUrl } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import type { MemberOfRoutes } from './member-of.js';

/** Reads an action's body and says which of the object's groups its answer keeps. */
type HolderChoice = (request: FastifyRequest) => (holders: readonly string[]) => string[];

const actions: Readonly<Record<string, HolderChoice>> = {
  getMemberGroups: everyHolder('getMemberGroups'),
  getMemberObjects: everyHolder('getMemberObjects'),
  checkMemberGroups: holdersAmong('checkMemberGroups', 'groupIds'),
  checkMemberObjects: holdersAmong('checkMemberObjects', 'ids'),
};

export function registerMemberGroupActions(server: GraphServer, routes: MemberOfRoutes): void {
  for (const [action, pick] of Object.entries(actions)) {
    addRoute(server, {
      method: 'POST',
      url: `${routes.path}/:id/${action}`,
      permissions: routes.permissions,
      handler: async (request, reply) => {
        const tenantId = principalOf(request).tenantId;
        const id = guidParam(request, 'id', routes.kind);
        const keep = pick(request);
        await routes.exists(tenantId, id);
        const rows = await groupIdsHolding(routes.db, tenantId, id, 'transitive').execute();
        const holders = rows.map((row) => row.group_id);

        sendIds(request, reply, keep(holders));
      },
    });
  }
}

function everyHolder(action: string): HolderChoice {
  return (request) => {
    parseGetMemberGroups(request.body, action);
    return (holders) => [...holders];
  };
}

function holdersAmong(action: string, list: string): HolderChoice {
  return (request) => {
    const asked = parseCheckMemberIds(request.body, action, list);
    return (holders) => asked.filter((id) => holders.includes(id));
  };
}

function sendIds(request: FastifyRequest, reply: FastifyReply, ids: readonly string[]): void {
  const { baseUrl, version } = request.graph;

  reply.send({
    '@odata.context': metadataUrl(baseUrl, version, 'Collection(Edm.String)'),
    value: ids,
  });
}
