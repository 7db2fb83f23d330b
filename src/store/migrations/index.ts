// Versioned migrations, applied in name order at start. Never edit one that has shipped: add
// the next.
import type { Migration, MigrationProvider } from 'kysely';
import * as profiles from './001-profiles.js';

const migrations: Record<string, Migration> = {
  '001-profiles': profiles,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
