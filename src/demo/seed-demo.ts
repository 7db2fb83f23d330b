// The demo a new user sees on `npm start`: a small generated tenant, seeded once.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { seedDemoTenant } from './seed-demo-tenant.js';
import { demoFleetOptions } from './seed-fleet.js';

/** Fixed so that the printed token command keeps working across restarts. */
export const demoTenantId = 'd3a0c0de-0000-4000-8000-000000000001';

export interface DemoSummary {
  readonly tenantId: string;
  readonly created: boolean;
}

/** Seeds the demo tenant once; a store that already has it is left alone. */
export async function seedDemo(
  store: Store,
  logger: Logger,
  clock: () => Date = () => new Date(),
): Promise<DemoSummary> {
  const existing = await store.db
    .selectFrom('profiles')
    .select('id')
    .where('tenant_id', '=', demoTenantId)
    .executeTakeFirst();
  if (existing) return { tenantId: demoTenantId, created: false };

  const { fleet } = await seedDemoTenant(store, demoTenantId, clock, demoFleetOptions);
  logger.info(
    {
      tenant: demoTenantId,
      devices: fleet.devices,
      configurations: fleet.configurations,
      packages: fleet.catalog.imported.length,
      packagesRefused: fleet.catalog.skipped.length + fleet.catalog.failed.length,
    },
    'demo tenant seeded',
  );

  return { tenantId: demoTenantId, created: true };
}
