// Collections that hang off one profile (assignments, driverInventories) share their shape: the
// profile must exist for the caller's tenant, then the rows are listed or counted with OData.
import type { FastifyRequest } from 'fastify';
import type { SelectQueryBuilder } from 'kysely';
import type { EntitySpec } from '../../graph/odata/index.js';
import type { ProfileService } from '../../profiles/profile-service.js';
import { addRoute } from '../add-route.js';
import { sendCollection, sendCount } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readProfiles } from './permissions.js';

export interface ProfileScope {
  readonly tenantId: string;
  readonly profileId: string;
}

export function profileScope(request: FastifyRequest): ProfileScope {
  return {
    tenantId: principalOf(request).tenantId,
    profileId: guidParam(request, 'profileId', 'profile'),
  };
}

export function childContextPath(profileId: string, navigation: string): string {
  return `deviceManagement/windowsDriverUpdateProfiles('${profileId}')/${navigation}`;
}

export interface ChildCollection<DB, TB extends keyof DB, O, Row> {
  readonly url: string;
  readonly navigation: string;
  readonly spec: EntitySpec;
  readonly base: (scope: ProfileScope) => SelectQueryBuilder<DB, TB, O>;
  readonly toJson: (row: Row) => Record<string, unknown>;
}

/** `GET {url}` and `GET {url}/$count` for a collection under a profile. */
export function registerChildCollection<DB, TB extends keyof DB, O, Row>(
  server: GraphServer,
  profiles: ProfileService,
  child: ChildCollection<DB, TB, O, Row>,
): void {
  addRoute(server, {
    method: 'GET',
    url: child.url,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const scope = profileScope(request);
      await profiles.get(scope.tenantId, scope.profileId);
      await sendCollection(request, reply, {
        spec: child.spec,
        contextPath: childContextPath(scope.profileId, child.navigation),
        base: child.base(scope),
        toJson: child.toJson,
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${child.url}/$count`,
    permissions: readProfiles,
    handler: async (request, reply) => {
      const scope = profileScope(request);
      await profiles.get(scope.tenantId, scope.profileId);
      await sendCount(request, reply, child.spec, child.base(scope));
    },
  });
}
