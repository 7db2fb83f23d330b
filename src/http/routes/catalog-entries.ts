// GET /beta/admin/windows/updates/catalog/entries: the driver catalog as Graph's Windows Update
// deployment service lists it.
import { catalogEntryJson, catalogEntrySpec } from '../../catalog/catalog-entry-view.js';
import { graphError } from '../../graph/errors.js';
import type { CatalogPackageTable } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { entityOptions, sendCollection, sendCount, sendEntity } from '../odata-response.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { readCatalog } from './catalog-permissions.js';

export const catalogEntriesPath = '/beta/admin/windows/updates/catalog/entries';
const contextPath = 'admin/windows/updates/catalog/entries';
const entryIdPattern = /^[0-9a-f]{64}$/i;

export function registerCatalogEntryRoutes(server: GraphServer, deps: { readonly db: Db }): void {
  const base = (tenantId: string) =>
    deps.db.selectFrom('catalog_packages').where('tenant_id', '=', tenantId);

  addRoute(server, {
    method: 'GET',
    url: catalogEntriesPath,
    permissions: readCatalog,
    handler: async (request, reply) => {
      await sendCollection(request, reply, {
        spec: catalogEntrySpec,
        contextPath,
        base: base(principalOf(request).tenantId),
        toJson: (row: CatalogPackageTable) => catalogEntryJson(row),
      });
    },
  });

  addRoute(server, {
    method: 'GET',
    url: `${catalogEntriesPath}/$count`,
    permissions: readCatalog,
    handler: (request, reply) =>
      sendCount(request, reply, catalogEntrySpec, base(principalOf(request).tenantId)),
  });

  addRoute(server, {
    method: 'GET',
    url: `${catalogEntriesPath}/:entryId`,
    permissions: readCatalog,
    handler: async (request, reply) => {
      const options = entityOptions(request, catalogEntrySpec);
      const id = (request.params as { entryId?: string }).entryId ?? '';

      if (!entryIdPattern.test(id)) {
        const shown = id.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);

        throw graphError('invalidId', { id: shown, what: 'catalog entry' });
      }

      const row = await base(principalOf(request).tenantId)
        .selectAll()
        .where('id', '=', id.toLowerCase())
        .executeTakeFirst();

      if (!row) throw graphError('notFound', { segment: id });

      sendEntity(request, reply, { contextPath, json: catalogEntryJson(row), options });
    },
  });
}
