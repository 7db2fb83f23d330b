// The bound actions of a profile: assign, executeAction and syncInventory.
import { checkProperties, requireObject } from '../../graph/body.js';
import { graphError } from '../../graph/errors.js';
import { parseDriverAction } from '../../profiles/action-body.js';
import { checkDistinctTargets, parseAssignment } from '../../profiles/assignment-body.js';
import type { InventoryService } from '../../profiles/inventory-service.js';
import type { ProfileService } from '../../profiles/profile-service.js';
import { addRoute } from '../add-route.js';
import { metadataUrl } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readProfiles, writeProfiles } from './permissions.js';
import { profilesPath } from './profiles.js';

export function registerProfileActions(
  server: GraphServer,
  deps: { readonly profiles: ProfileService; readonly inventory: InventoryService },
): void {
  addRoute(server, {
    method: 'POST',
    url: `${profilesPath}/:profileId/assign`,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const profileId = guidParam(request, 'profileId', 'profile');
      const body = requireObject(request.body);
      checkProperties(body, { typeName: 'assign action', writable: ['assignments'] });
      if (!Array.isArray(body.assignments)) {
        throw graphError('invalidPropertyValue', {
          property: 'assignments',
          reason: 'is required and must be an array',
        });
      }
      const targets = body.assignments.map((item: unknown) => parseAssignment(item, true));
      checkDistinctTargets(targets);
      await deps.profiles.assign(principalOf(request).tenantId, profileId, targets);
      reply.code(204).send();
    },
  });

  addRoute(server, {
    method: 'POST',
    url: `${profilesPath}/:profileId/executeAction`,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const profileId = guidParam(request, 'profileId', 'profile');
      const action = parseDriverAction(request.body);
      const result = await deps.inventory.executeAction(
        principalOf(request).tenantId,
        profileId,
        action,
      );
      reply.send({
        '@odata.context': metadataUrl(
          request.graph.baseUrl,
          'beta',
          'microsoft.graph.bulkDriverActionResult',
        ),
        ...result,
      });
    },
  });

  addRoute(server, {
    method: 'POST',
    url: `${profilesPath}/:profileId/syncInventory`,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const profileId = guidParam(request, 'profileId', 'profile');
      if (!isNoBody(request.body)) {
        throw graphError('bodyNotAllowed', {});
      }
      await deps.profiles.requestSync(principalOf(request).tenantId, profileId);
      reply.code(204).send();
    },
  });
}

// Clients send a parameterless action with no body, `{}` or, like the Graph JS client's
// `post(null)`, a JSON `null`; all three mean no parameters.
function isNoBody(value: unknown): boolean {
  return value === undefined || value === null || isEmptyObject(value);
}

function isEmptyObject(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}
