// GET /drivergraph/v1/profiles/{profileId}/drivers/{driverId}/matchedDevices: the devices a
// listed driver applies to and why, like the deployment service's `matchedDevices`. Graph has
// no such view of Intune's driver profiles, so the path is our own; the envelope is Graph's.
import type { FastifyRequest } from 'fastify';
import { graphError } from '../../graph/errors.js';
import {
  buildNextLink,
  defineEntity,
  parseQueryOptions,
  projectEntity,
  takePage,
  type PropertyInput,
  type RawQuery,
} from '../../graph/odata/index.js';
import type { InventoryService } from '../../profiles/inventory-service.js';
import type { Db } from '../../store/store.js';
import { findMatchedDevices, type MatchedDevice } from '../../sync/matched-devices.js';
import { addRoute } from '../add-route.js';
import { driverIdParam } from '../path-params.js';
import type { GraphServer } from '../server.js';
import { readProfiles } from './permissions.js';
import { profileScope } from './profile-children.js';

export const matchedDevicesPath =
  '/drivergraph/v1/profiles/:profileId/drivers/:driverId/matchedDevices';

const property = (name: string, type: PropertyInput['type']): PropertyInput => ({
  name,
  column: name,
  type,
  filterable: false,
  sortable: false,
  nullable: false,
});

const matchedDeviceSpec = defineEntity({
  typeName: 'drivergraph.matchedDevice',
  qualifiedName: 'drivergraph.matchedDevice',
  baseTypes: [],
  key: 'id',
  properties: [
    property('id', 'guid'),
    property('deviceId', 'guid'),
    property('displayName', 'string'),
    property('isRecommended', 'boolean'),
    property('recommendedBy', 'collection'),
    property('matches', 'collection'),
  ],
});

// The list is computed in memory in one fixed order, so only paging and $select apply to it.
const refused = ['filter', 'orderby', 'search', 'expand'];

export function registerMatchedDeviceRoutes(
  server: GraphServer,
  deps: { readonly db: Db; readonly inventory: InventoryService },
): void {
  addRoute(server, {
    method: 'GET',
    url: matchedDevicesPath,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const driverId = driverIdParam(request);
      const options = parseQueryOptions(readableQuery(request), matchedDeviceSpec, 'collection');
      // Only drivers on the profile's list have matched devices; others are a 404.
      await deps.inventory.get(tenantId, profileId, driverId);

      const devices = await findMatchedDevices(deps.db, tenantId, profileId, driverId);
      const page = takePage(devices.slice(options.page.offset), options.page);
      const body: Record<string, unknown> = {};
      if (options.count) body['@odata.count'] = devices.length;
      if (page.nextOffset !== null) {
        const url = `${request.graph.baseUrl}${request.graph.originalUrl}`;
        body['@odata.nextLink'] = buildNextLink(url, options, page.nextOffset);
      }
      body.value = page.rows.map((device) => projectEntity(toJson(device), options.select, []));
      reply.send(body);
    },
  });
}

function readableQuery(request: FastifyRequest): RawQuery {
  const query = request.query as RawQuery;
  for (const name of Object.keys(query)) {
    const bare = name.replace(/^\$/, '').toLowerCase();
    if (refused.includes(bare)) {
      throw graphError('unsupportedQueryOption', { option: name, where: 'on matchedDevices' });
    }
  }

  return query;
}

function toJson(device: MatchedDevice): Record<string, unknown> {
  return {
    '@odata.type': '#drivergraph.matchedDevice',
    id: device.id,
    deviceId: device.deviceId,
    displayName: device.displayName,
    isRecommended: device.isRecommended,
    recommendedBy: device.recommendedBy,
    matches: device.matches.map(({ kind: _kind, ...match }) => match),
  };
}
