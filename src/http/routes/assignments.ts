// /windowsDriverUpdateProfiles/{id}/assignments
import { parseAssignment } from '../../profiles/assignment-body.js';
import { assignmentJson } from '../../profiles/assignment-body.js';
import { assignmentSpec } from '../../profiles/entity-specs.js';
import type { ProfileService } from '../../profiles/profile-service.js';
import type { Db } from '../../store/store.js';
import type { AssignmentTable } from '../../store/schema.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendEntity } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import type { GraphServer } from '../server.js';
import { readProfiles, writeProfiles } from './permissions.js';
import { childContextPath, profileScope, registerChildCollection } from './profile-children.js';
import { profilesPath } from './profiles.js';

const collectionUrl = `${profilesPath}/:profileId/assignments`;
const itemUrl = `${collectionUrl}/:assignmentId`;
const itemPath = (profileId: string, id: string) =>
  `${profilesPath}('${profileId}')/assignments('${id}')`;

export function registerAssignmentRoutes(
  server: GraphServer,
  deps: { readonly db: Db; readonly profiles: ProfileService },
): void {
  const { db, profiles } = deps;
  const contextOf = (profileId: string) => childContextPath(profileId, 'assignments');

  registerChildCollection(server, profiles, {
    url: collectionUrl,
    navigation: 'assignments',
    spec: assignmentSpec,
    base: ({ tenantId, profileId }) =>
      db
        .selectFrom('profile_assignments')
        .where('tenant_id', '=', tenantId)
        .where('profile_id', '=', profileId),
    toJson: (row: AssignmentTable) => assignmentJson(row),
  });

  addRoute(server, {
    method: 'POST',
    url: collectionUrl,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const row = await profiles.addAssignment(tenantId, profileId, parseAssignment(request.body));
      sendEntity(request, reply, {
        contextPath: contextOf(profileId),
        json: assignmentJson(row),
        status: 201,
        location: `${request.graph.baseUrl}${itemPath(profileId, row.id)}`,
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: itemUrl,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const options = entityOptions(request, assignmentSpec);
      const assignmentId = guidParam(request, 'assignmentId', 'assignment');
      const row = await profiles.getAssignment(tenantId, profileId, assignmentId);
      sendEntity(request, reply, {
        contextPath: contextOf(profileId),
        json: assignmentJson(row),
        options,
      });
    },
  });

  addRoute(server, {
    method: 'PATCH',
    url: itemUrl,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const assignmentId = guidParam(request, 'assignmentId', 'assignment');
      const target = parseAssignment(request.body);
      const row = await profiles.updateAssignment(tenantId, profileId, assignmentId, target);
      sendEntity(request, reply, { contextPath: contextOf(profileId), json: assignmentJson(row) });
    },
  });

  addRoute(server, {
    method: 'DELETE',
    url: itemUrl,
    permissions: writeProfiles,
    handler: async (request, reply) => {
      const { tenantId, profileId } = profileScope(request);
      const assignmentId = guidParam(request, 'assignmentId', 'assignment');
      await profiles.deleteAssignment(tenantId, profileId, assignmentId);
      reply.code(204).send();
    },
  });
}
