// The demo a new user sees on `npm start`: a tenant with a generated fleet, its driver catalog,
// and two driver update profiles assigned to the fleet's Pilot and Broad groups.
import type { Logger } from 'pino';
import { ProfileService } from '../profiles/profile-service.js';
import type { Store } from '../store/store.js';
import { seedDemoFleet } from './seed-fleet.js';

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

  // The fleet goes in first, so the syncs the profiles request find devices to weigh.
  const fleet = await seedDemoFleet(store, demoTenantId, clock);
  const profiles = new ProfileService({ store, clock, onSyncRequested: () => {} });
  const pilot = await profiles.create(demoTenantId, {
    displayName: 'Pilot drivers (manual approval)',
    description: 'Every driver update waits for an admin decision.',
    approvalType: 'manual',
    deploymentDeferralInDays: null,
    roleScopeTagIds: ['0'],
  });
  const broad = await profiles.create(demoTenantId, {
    displayName: 'Broad drivers (automatic, 7-day deferral)',
    description: 'Recommended drivers are approved automatically and deploy a week later.',
    approvalType: 'automatic',
    deploymentDeferralInDays: 7,
    roleScopeTagIds: ['0'],
  });
  await profiles.assign(demoTenantId, pilot.id, [
    { type: 'groupAssignmentTarget', groupId: fleet.pilotGroupId },
  ]);
  await profiles.assign(demoTenantId, broad.id, [
    { type: 'groupAssignmentTarget', groupId: fleet.broadGroupId },
  ]);
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
