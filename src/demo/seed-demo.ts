// The demo a new user sees on `npm start`: a tenant with driver update profiles to explore.
import type { Logger } from 'pino';
import { ProfileService } from '../profiles/profile-service.js';
import type { Store } from '../store/store.js';

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

  const profiles = new ProfileService({ store, clock, onSyncRequested: () => {} });
  await profiles.create(demoTenantId, {
    displayName: 'Pilot drivers (manual approval)',
    description: 'Every driver update waits for an admin decision.',
    approvalType: 'manual',
    deploymentDeferralInDays: null,
    roleScopeTagIds: ['0'],
  });
  await profiles.create(demoTenantId, {
    displayName: 'Broad drivers (automatic, 7-day deferral)',
    description: 'Recommended drivers are approved automatically and deploy a week later.',
    approvalType: 'automatic',
    deploymentDeferralInDays: 7,
    roleScopeTagIds: ['0'],
  });
  logger.info({ tenant: demoTenantId }, 'demo tenant seeded');

  return { tenantId: demoTenantId, created: true };
}
