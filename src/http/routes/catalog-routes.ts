// The driver catalog over HTTP: Graph's read-only view and our own upload.
import type { Store } from '../../store/store.js';
import type { GraphServer } from '../server.js';
import { registerCatalogEntryRoutes } from './catalog-entries.js';
import { registerCatalogUploadRoute } from './catalog-upload.js';

export function registerCatalogRoutes(
  server: GraphServer,
  deps: { readonly store: Store; readonly clock: () => Date },
): void {
  registerCatalogEntryRoutes(server, { db: deps.store.db });
  registerCatalogUploadRoute(server, deps);
}
