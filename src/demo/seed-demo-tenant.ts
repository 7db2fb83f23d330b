// A demo tenant: a generated fleet, its driver catalog, and two driver update profiles, a manual
// one assigned to the Pilot group and an automatic one assigned to Broad.
import { ProfileService } from '../profiles/profile-service.js';
import type { Store } from '../store/store.js';
import {
  seedDemoFleet,
  type DemoFleet,
  type DemoFleetOptions,
  type SeedProgressListener,
} from './seed-fleet.js';

export interface DemoProfile {
  readonly id: string;
  readonly displayName: string;
  readonly groupId: string;
}

export interface DemoTenant {
  readonly tenantId: string;
  readonly fleet: DemoFleet;
  readonly pilotProfile: DemoProfile;
  readonly broadProfile: DemoProfile;
}

export async function seedDemoTenant(
  store: Store,
  tenantId: string,
  clock: () => Date,
  options: DemoFleetOptions,
  onProgress?: SeedProgressListener,
): Promise<DemoTenant> {
  // The fleet goes in first, so the syncs the new profiles request find devices to weigh.
  const fleet = await seedDemoFleet(store, tenantId, clock, options, onProgress);
  const profiles = new ProfileService({ store, clock, onSyncRequested: () => {} });
  const pilot = await profiles.create(tenantId, {
    displayName: 'Pilot drivers (manual approval)',
    description: 'Every driver update waits for an admin decision.',
    approvalType: 'manual',
    deploymentDeferralInDays: null,
    roleScopeTagIds: ['0'],
  });
  const broad = await profiles.create(tenantId, {
    displayName: 'Broad drivers (automatic, 7-day deferral)',
    description: 'Recommended drivers are approved automatically and deploy a week later.',
    approvalType: 'automatic',
    deploymentDeferralInDays: 7,
    roleScopeTagIds: ['0'],
  });
  await profiles.assign(tenantId, pilot.id, [
    { type: 'groupAssignmentTarget', groupId: fleet.pilotGroupId },
  ]);
  await profiles.assign(tenantId, broad.id, [
    { type: 'groupAssignmentTarget', groupId: fleet.broadGroupId },
  ]);

  return {
    tenantId,
    fleet,
    pilotProfile: { id: pilot.id, displayName: pilot.display_name, groupId: fleet.pilotGroupId },
    broadProfile: { id: broad.id, displayName: broad.display_name, groupId: fleet.broadGroupId },
  };
}
