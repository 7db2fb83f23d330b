// Versioned migrations, applied in name order at start. Never edit one that has shipped: add
// the next.
import type { Migration, MigrationProvider } from 'kysely';
import * as profiles from './001-profiles.js';
import * as catalog from './002-catalog.js';
import * as fleet from './003-fleet.js';

const migrations: Record<string, Migration> = {
  '001-profiles': profiles,
  '002-catalog': catalog,
  '003-fleet': fleet,
  '004-identity': await import('./004-identity.js'),
  '005-throttle-counters': await import('./005-throttle-counters.js'),
  '006-device-nodes': await import('./006-device-nodes.js'),
  '007-search-tokens': await import('./007-search-tokens.js'),
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
