// Sets up the crafted tenant through the service's public interfaces only: catalog uploads,
// device reports, Graph groups and profiles. Time is the test's own clock, so dates are exact.
import assert from 'node:assert/strict';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../../src/identity/index.js';
import { call } from '../../graph/support/graph-fixtures.js';
import type { TestService } from '../../support/service.js';
import { type CraftedPackage, uploadOf } from './crafted-catalog.js';
import { devices, heldBack, reportOf, ring1, ring2 } from './crafted-fleet.js';

/** Relative to the Graph client's base, which carries the version. */
export const profilesPath = '/deviceManagement/windowsDriverUpdateProfiles';

export const tenantId = '5e1f0c3a-7d2b-4c6e-9a8f-0b1c2d3e4f50';

const scopes = [
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  'WindowsUpdates.ReadWrite.All',
  'Group.ReadWrite.All',
  'GroupMember.ReadWrite.All',
  'DriverGraph.Report.All',
];

/** A token valid at the service's current time, which is the test's clock. */
export async function tokenAt(
  service: TestService,
  now: Date,
  tokenScopes: readonly string[] = scopes,
): Promise<string> {
  const ring = await loadOrCreateSigningKeys(service.dataDir);

  return mintToken(ring, {
    publicUrl: service.url,
    tenantId,
    scopes: [...tokenScopes],
    lifetimeSeconds: 3600,
    now,
  });
}

/** Uploads the package and returns its id, which is the driver id on profiles' lists. */
export async function upload(
  service: TestService,
  token: string,
  pkg: CraftedPackage,
): Promise<string> {
  const { zip, query } = uploadOf(pkg);
  const result = await call(service, 'PUT', `/drivergraph/v1/catalog/packages${query}`, {
    token,
    raw: zip,
    contentType: 'application/zip',
  });
  assert.equal(result.status, 201, result.text);
  const imported = (result.json?.imported ?? []) as { id: string }[];
  assert.equal(imported.length, 1, `${pkg.folder} was not imported: ${result.text}`);

  return imported[0]!.id;
}

/** Sends the report; returns the device's directory object id. */
export async function sendReport(
  service: TestService,
  token: string,
  report: Record<string, unknown>,
): Promise<string> {
  const path = `/drivergraph/v1/devices/${String(report.deviceId)}/report`;
  const result = await call(service, 'PUT', path, { token, body: report });
  assert.equal(result.status, 200, result.text);

  return String(result.json?.id);
}

export interface CraftedGroups {
  readonly allRings: string;
  readonly heldBack: string;
}

/** Every device reports; rings 1 and 2 nest in "All rings"; "Held back" excludes two. */
export async function enrolFleet(
  service: TestService,
  client: Client,
  token: string,
  reportedDateTime: string,
): Promise<CraftedGroups> {
  const objectIds = new Map<string, string>();
  for (const target of devices) {
    objectIds.set(
      target.name,
      await sendReport(service, token, reportOf(target, reportedDateTime)),
    );
  }

  const group = async (displayName: string, members: readonly string[]) => {
    const created = (await client.api('/groups').post({
      displayName,
      mailNickname: displayName.replace(/\W/g, ''),
      mailEnabled: false,
      securityEnabled: true,
    })) as { id: string };
    for (const member of members) {
      const id = objectIds.get(member) ?? member;
      await client
        .api(`/groups/${created.id}/members/$ref`)
        .post({ '@odata.id': `${service.url}/v1.0/directoryObjects/${id}` });
    }

    return created.id;
  };
  const first = await group('Ring 1', ring1);
  const second = await group('Ring 2', ring2);

  return {
    allRings: await group('All rings', [first, second]),
    heldBack: await group('Held back', heldBack),
  };
}

export async function createProfile(
  client: Client,
  body: Record<string, unknown>,
  groups: CraftedGroups,
): Promise<string> {
  const created = (await client.api(profilesPath).post(body)) as { id: string };
  await client.api(`${profilesPath}/${created.id}/assign`).post({
    assignments: [
      {
        target: {
          '@odata.type': '#microsoft.graph.groupAssignmentTarget',
          groupId: groups.allRings,
        },
      },
      {
        target: {
          '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget',
          groupId: groups.heldBack,
        },
      },
    ],
  });

  return created.id;
}

/** One row of a driver list, as the test writes it out by hand. */
export interface ListedDriver {
  readonly name: string;
  readonly version: string;
  readonly manufacturer: string;
  readonly releaseDateTime: string;
  readonly driverClass: string;
  readonly category: string;
  readonly applicableDeviceCount: number;
  readonly approvalStatus: string;
  readonly deployDateTime: string;
}

/** The profile's list in a fixed order, with date-times in one notation. */
export async function driverList(client: Client, profileId: string): Promise<ListedDriver[]> {
  const page = (await client.api(`${profilesPath}/${profileId}/driverInventories`).get()) as {
    value: Record<string, unknown>[];
  };

  return page.value
    .map((row) => ({
      name: String(row.name),
      version: String(row.version),
      manufacturer: String(row.manufacturer),
      releaseDateTime: iso(row.releaseDateTime),
      driverClass: String(row.driverClass),
      category: String(row.category),
      applicableDeviceCount: Number(row.applicableDeviceCount),
      approvalStatus: String(row.approvalStatus),
      deployDateTime: iso(row.deployDateTime),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function iso(value: unknown): string {
  return new Date(String(value)).toISOString();
}
