// Profiles and assignments driven through the official Microsoft Graph client, as scripts and
// SDK code written for Intune would drive them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, PageIterator, ResponseType } from '@microsoft/microsoft-graph-client';
import type {
  WindowsDriverUpdateProfile,
  WindowsDriverUpdateProfileAssignment,
} from '@microsoft/microsoft-graph-types-beta';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { waitForSyncToSettle } from './support/graph-fixtures.js';
import { graphClient as loopbackClient, graphErrorOf } from '../support/graph-client.js';

const profiles = '/deviceManagement/windowsDriverUpdateProfiles';
const groupA = 'aaaaaaaa-0000-4000-8000-000000000001';
const groupB = 'aaaaaaaa-0000-4000-8000-000000000002';

let service: TestService;
let client: Client;

before(async () => {
  service = await startTestService();
  client = loopbackClient(service.url, await service.token(tenantA));
});

after(() => service.dispose());

function createProfile(body: Partial<WindowsDriverUpdateProfile>) {
  return client
    .api(profiles)
    .post({ displayName: 'Ring 0', approvalType: 'manual', ...body }) as Promise<
    WindowsDriverUpdateProfile & Record<string, unknown>
  >;
}

describe('profiles', () => {
  test('a create answers 201 with a Location that reads the new profile back', async () => {
    const response = (await client.api(profiles).responseType(ResponseType.RAW).post({
      displayName: 'Pilot',
      approvalType: 'automatic',
      deploymentDeferralInDays: 7,
    })) as Response;
    const created = (await response.json()) as WindowsDriverUpdateProfile & Record<string, unknown>;
    const location = response.headers.get('location') ?? '';

    assert.equal(response.status, 201);
    assert.equal(location, `${service.url}/beta${profiles}('${created.id}')`);
    const readBack = (await client.api(location).get()) as WindowsDriverUpdateProfile;
    assert.equal(readBack.id, created.id);
    assert.equal(readBack.deploymentDeferralInDays, 7);
  });

  test('a created profile carries server-managed values at the root of the body', async () => {
    const created = await createProfile({ description: 'first ring' });

    assert.match(
      created.id ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    assert.equal(created['@odata.type'], '#microsoft.graph.windowsDriverUpdateProfile');
    assert.equal(
      created['@odata.context'],
      `${service.url}/beta/$metadata#deviceManagement/windowsDriverUpdateProfiles/$entity`,
    );
    assert.equal(created.displayName, 'Ring 0');
    assert.equal(created.description, 'first ring');
    assert.deepEqual(created.roleScopeTagIds, ['0']);
    assert.equal(created.deploymentDeferralInDays, null);
    assert.equal(created.newUpdates, 0);
    assert.equal(created.createdDateTime, created.lastModifiedDateTime);
    assert.match(created.createdDateTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.equal(created.inventorySyncStatus?.driverInventorySyncState, 'pending');
  });

  test('a profile reads the same by key segment and by key in parentheses', async () => {
    const created = await createProfile({ displayName: 'Keyed' });
    // The sync a new profile starts would otherwise change it between the two reads.
    await waitForSyncToSettle(service, tenantA, created.id!);

    const bySegment = (await client.api(`${profiles}/${created.id}`).get()) as Record<
      string,
      unknown
    >;
    const byParentheses = (await client.api(`${profiles}('${created.id}')`).get()) as Record<
      string,
      unknown
    >;
    assert.equal(bySegment.displayName, 'Keyed');
    assert.deepEqual(byParentheses, bySegment);
  });

  test('an update changes the given properties, keeps the others and returns it', async () => {
    const created = await createProfile({ displayName: 'Before', description: 'kept' });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const updated = (await client
      .api(`${profiles}/${created.id}`)
      .patch({ displayName: 'After', approvalType: 'manual' })) as WindowsDriverUpdateProfile;

    assert.equal(updated.displayName, 'After');
    assert.equal(updated.description, 'kept');
    assert.equal(updated.createdDateTime, created.createdDateTime);
    assert.ok((updated.lastModifiedDateTime ?? '') > (created.lastModifiedDateTime ?? ''));
    const readBack = (await client
      .api(`${profiles}/${created.id}`)
      .get()) as WindowsDriverUpdateProfile;
    assert.equal(readBack.displayName, 'After');
  });

  test('a deleted profile is gone: reading it is a ResourceNotFound GraphError', async () => {
    const created = await createProfile({ displayName: 'Doomed' });

    const response = (await client
      .api(`${profiles}/${created.id}`)
      .responseType(ResponseType.RAW)
      .delete()) as Response;
    const error = await graphErrorOf(client.api(`${profiles}/${created.id}`).get());

    assert.equal(response.status, 204);
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
    assert.ok(error.requestId);
  });
});

describe('collection queries', () => {
  const names = ['Query Alpha', 'Query Bravo', 'Query Charlie', 'Query Delta', 'Query Echo'];
  const filter = "startswith(displayName,'Query ')";

  before(async () => {
    for (const [i, displayName] of names.entries()) {
      await createProfile({
        displayName,
        approvalType: i % 2 === 0 ? 'automatic' : 'manual',
        ...(i % 2 === 0 && { deploymentDeferralInDays: i }),
      });
    }
  });

  test('$filter, $orderby, $count=true and $select shape one page', async () => {
    const page = (await client
      .api(profiles)
      .filter(`${filter} and approvalType eq 'automatic'`)
      .orderby('displayName desc')
      .select(['displayName', 'deploymentDeferralInDays'])
      .count(true)
      .get()) as { value: Record<string, unknown>[] } & Record<string, unknown>;

    assert.equal(page['@odata.count'], 3);
    assert.equal(
      page['@odata.context'],
      `${service.url}/beta/$metadata#deviceManagement/windowsDriverUpdateProfiles` +
        '(displayName,deploymentDeferralInDays)',
    );
    assert.deepEqual(
      page.value.map((p) => [p.displayName, p.deploymentDeferralInDays, p.id]),
      [
        ['Query Echo', 4, undefined],
        ['Query Charlie', 2, undefined],
        ['Query Alpha', 0, undefined],
      ],
    );
  });

  test('$top and $skip pick a window of the ordered collection', async () => {
    const page = (await client
      .api(profiles)
      .filter(filter)
      .orderby('displayName')
      .top(2)
      .skip(1)
      .get()) as { value: WindowsDriverUpdateProfile[] } & Record<string, unknown>;

    assert.deepEqual(
      page.value.map((p) => p.displayName),
      ['Query Bravo', 'Query Charlie'],
    );
    assert.equal(typeof page['@odata.nextLink'], 'string');
  });

  test('the client PageIterator follows @odata.nextLink to the end, each item once', async () => {
    const first = (await client
      .api(profiles)
      .filter(filter)
      .orderby('displayName')
      .top(2)
      .get()) as {
      value: WindowsDriverUpdateProfile[];
    };
    const seen: string[] = [];
    const iterator = new PageIterator(
      client,
      first as never,
      (item: WindowsDriverUpdateProfile) => {
        seen.push(item.displayName ?? '');

        return true;
      },
    );
    await iterator.iterate();

    assert.deepEqual(seen, names);
    assert.equal(iterator.isComplete(), true);
  });

  test('the $count segment answers the filtered count as plain text', async () => {
    const response = (await client
      .api(`${profiles}/$count`)
      .filter(filter)
      .responseType(ResponseType.RAW)
      .get()) as Response;

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await response.text(), '5');
  });

  test('$expand=assignments($select=id) embeds only the assignment ids', async () => {
    const created = await createProfile({ displayName: 'Expanded' });
    const assignment = (await client.api(`${profiles}/${created.id}/assignments`).post({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupA },
    })) as WindowsDriverUpdateProfileAssignment;

    const item = (await client
      .api(`${profiles}/${created.id}`)
      .expand('assignments($select=id)')
      .get()) as { assignments: Record<string, unknown>[] };
    const list = (await client
      .api(profiles)
      .filter(`id eq ${created.id}`)
      .expand('assignments($select=id)')
      .get()) as { value: { assignments: Record<string, unknown>[] }[] };

    assert.deepEqual(
      item.assignments.map((a) => a.id),
      [assignment.id],
    );
    assert.equal(item.assignments[0]?.target, undefined);
    assert.deepEqual(list.value[0]?.assignments, item.assignments);
  });
});

describe('assignments', () => {
  test('assignments are created, read, listed, changed and deleted', async () => {
    const profile = await createProfile({ displayName: 'Assigned' });
    const base = `${profiles}/${profile.id}/assignments`;

    const response = (await client
      .api(base)
      .responseType(ResponseType.RAW)
      .post({
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupA },
      })) as Response;
    const created = (await response.json()) as WindowsDriverUpdateProfileAssignment;
    assert.equal(response.status, 201);
    assert.equal(
      response.headers.get('location'),
      `${service.url}/beta${profiles}('${profile.id}')/assignments('${created.id}')`,
    );
    assert.deepEqual(created.target, {
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      deviceAndAppManagementAssignmentFilterId: null,
      deviceAndAppManagementAssignmentFilterType: 'none',
      groupId: groupA,
    });

    const read = (await client.api(`${base}('${created.id}')`).get()) as Record<string, unknown>;
    assert.equal(read.id, created.id);

    const changed = (await client.api(`${base}/${created.id}`).patch({
      target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: groupB },
    })) as WindowsDriverUpdateProfileAssignment;
    assert.equal(
      (changed.target as Record<string, unknown>)['@odata.type'],
      '#microsoft.graph.exclusionGroupAssignmentTarget',
    );

    const list = (await client.api(base).get()) as {
      value: WindowsDriverUpdateProfileAssignment[];
    };
    assert.deepEqual(
      list.value.map((a) => [a.id, (a.target as { groupId?: string }).groupId]),
      [[created.id, groupB]],
    );
    assert.equal(await client.api(`${base}/$count`).get(), '1');

    await client.api(`${base}/${created.id}`).delete();
    const error = await graphErrorOf(client.api(`${base}/${created.id}`).get());
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
  });

  test('assign replaces all assignments, through short and qualified action segments', async () => {
    const profile = await createProfile({ displayName: 'Assign action' });
    const base = `${profiles}/${profile.id}`;
    const group = (type: string, groupId: string) => ({
      target: { '@odata.type': `#microsoft.graph.${type}`, groupId },
    });

    const first = (await client
      .api(`${base}/assign`)
      .responseType(ResponseType.RAW)
      .post({
        assignments: [
          group('groupAssignmentTarget', groupA),
          group('exclusionGroupAssignmentTarget', groupB),
        ],
      })) as Response;
    assert.equal(first.status, 204);
    assert.equal(await first.text(), '');

    await client.api(`${base}/microsoft.graph.assign`).post({
      assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
    });
    const list = (await client.api(`${base}/assignments`).get()) as {
      value: WindowsDriverUpdateProfileAssignment[];
    };
    assert.deepEqual(
      list.value.map((a) => (a.target as Record<string, unknown>)['@odata.type']),
      ['#microsoft.graph.allDevicesAssignmentTarget'],
    );
  });

  test('a second assignment of the same group is a Conflict GraphError', async () => {
    const profile = await createProfile({ displayName: 'Twice' });
    const body = {
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupA },
    };
    await client.api(`${profiles}/${profile.id}/assignments`).post(body);

    const error = await graphErrorOf(
      client.api(`${profiles}/${profile.id}/assignments`).post(body),
    );

    assert.equal(error.statusCode, 409);
    assert.equal(error.code, 'Conflict');
  });
});

describe('syncInventory', () => {
  test('answers 204 with an empty body and the profile ends in success', async () => {
    const profile = await createProfile({ displayName: 'Synced' });
    await waitForSyncToSettle(service, tenantA, profile.id!);
    const before = new Date().toISOString();

    const response = (await client
      .api(`${profiles}/${profile.id}/syncInventory`)
      .responseType(ResponseType.RAW)
      .post(null)) as Response;
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');

    const state = await waitForSyncToSettle(service, tenantA, profile.id!);
    const read = (await client
      .api(`${profiles}/${profile.id}`)
      .get()) as WindowsDriverUpdateProfile;
    assert.equal(state, 'success');
    assert.equal(read.inventorySyncStatus?.driverInventorySyncState, 'success');
    assert.ok((read.inventorySyncStatus?.lastSuccessfulSyncDateTime ?? '') >= before);
  });

  test('a qualified action segment after a key in parentheses reaches the action', async () => {
    const profile = await createProfile({ displayName: 'Qualified sync' });
    await waitForSyncToSettle(service, tenantA, profile.id!);

    const response = (await client
      .api(`${profiles}('${profile.id}')/microsoft.graph.syncInventory`)
      .responseType(ResponseType.RAW)
      .post({})) as Response;

    assert.equal(response.status, 204);
    const job = await service.store.db
      .selectFrom('sync_jobs')
      .select('trigger')
      .where('profile_id', '=', profile.id!)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    assert.equal(job?.trigger, 'request');
    assert.equal(await waitForSyncToSettle(service, tenantA, profile.id!), 'success');
  });
});
