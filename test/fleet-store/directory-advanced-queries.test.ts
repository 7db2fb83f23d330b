// What Graph's directory takes in query options, and on what terms: `ne`, `not`, a `$filter`
// with `$orderby` and most sorts only in advanced queries (the header `ConsistencyLevel:
// eventual` and `$count=true`); `contains`, `endsWith`, `gt`, `lt` and `$skip` never.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';
import { directoryWriter, newGroup } from './directory-fixtures.js';

describe('advanced queries on directory objects need the header and $count=true', () => {
  let service: TestService;
  let client: Client;
  let groupId: string;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    await newGroup(client, 'Pilot ring');
    groupId = (await newGroup(client, 'Broad ring')).id;
  });
  after(() => service.dispose());

  const operatorRefused = (operator: string) => ({
    statusCode: 400,
    code: 'Request_UnsupportedQuery',
    message:
      `Operator '${operator}' is not supported because the required parameters might be ` +
      'missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. ' +
      'Refer to https://aka.ms/graph-docs/advanced-queries for more information',
  });
  const sortRefused = {
    statusCode: 400,
    code: 'Request_UnsupportedQuery',
    message: 'Sorting not supported for current query.',
  };
  const advanced = (path: string) =>
    client.api(path).header('ConsistencyLevel', 'eventual').count(true);
  const names = (page: unknown) =>
    (page as { value: { displayName: string }[] }).value.map((group) => group.displayName);

  test('ne and not in $filter are refused without them', async () => {
    const cases = [
      ["/groups?$filter=displayName ne 'Pilot ring'", 'ne'],
      ["/groups?$filter=not startswith(displayName,'Pilot')", 'not'],
      ["/devices?$filter=not (operatingSystem eq 'Windows')", 'not'],
      [`/groups/${groupId}/members?$filter=displayName ne null`, 'ne'],
    ] as const;
    for (const [path, operator] of cases) {
      await assert.rejects(client.api(path).get(), operatorRefused(operator), path);
      await assert.rejects(
        client.api(path).header('ConsistencyLevel', 'eventual').get(),
        operatorRefused(operator),
        `${path} with the header alone`,
      );
    }
  });

  test('sorting is refused with a $filter, or by anything but a group displayName', async () => {
    const ordered = await client.api('/groups').orderby('displayName').get();

    assert.deepEqual(names(ordered), ['Broad ring', 'Pilot ring']);
    for (const path of [
      "/groups?$filter=startswith(displayName,'P')&$orderby=displayName",
      '/groups?$orderby=createdDateTime',
      '/devices?$orderby=displayName',
      `/groups/${groupId}/members?$orderby=displayName`,
    ]) {
      await assert.rejects(client.api(path).get(), sortRefused, path);
    }
  });

  test('with the header and $count=true, each is answered', async () => {
    const notPilot = await advanced('/groups').filter("displayName ne 'Pilot ring'").get();
    const notStarting = await advanced('/groups')
      .filter("not startswith(displayName,'Broad')")
      .get();
    const sorted = await advanced('/groups')
      .filter("startswith(displayName,'Broad') or startswith(displayName,'Pilot')")
      .orderby('displayName desc')
      .get();

    assert.deepEqual(names(notPilot), ['Broad ring']);
    assert.deepEqual(names(notStarting), ['Pilot ring']);
    assert.deepEqual(names(sorted), ['Pilot ring', 'Broad ring']);
    assert.equal((sorted as Record<string, unknown>)['@odata.count'], 2);
  });

  test('contains, endsWith, gt and lt are refused on any terms, as on Graph', async () => {
    const cases = [
      ["/devices?$filter=contains(displayName,'PC')", 'displayName', 'Device'],
      ["/groups?$filter=endswith(displayName,'ring')", 'displayName', 'Group'],
      ['/groups?$filter=createdDateTime gt 2020-01-01T00:00:00Z', 'createdDateTime', 'Group'],
      [`/groups/${groupId}/members?$filter=displayName lt 'M'`, 'displayName', 'DirectoryObject'],
      ["/devices/$count?$filter=contains(displayName,'PC')", 'displayName', 'Device'],
    ] as const;
    for (const [path, property, resource] of cases) {
      await assert.rejects(
        advanced(path).get(),
        {
          statusCode: 400,
          code: 'Request_UnsupportedQuery',
          message:
            `Unsupported or invalid query filter clause specified for property '${property}' ` +
            `of resource '${resource}'.`,
        },
        path,
      );
    }
  });

  test('a /$count segment is itself the $count an advanced filter needs', async () => {
    const count = await client
      .api('/groups/$count')
      .header('ConsistencyLevel', 'eventual')
      .filter("displayName ne 'Pilot ring'")
      .get();

    assert.equal(String(count), '1');
  });
});

describe('the directory never skips', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
  });
  after(() => service.dispose());

  test("$skip on directory lists is Graph's 400; other lists still skip", async () => {
    const refusal = {
      statusCode: 400,
      code: 'Request_BadRequest',
      message: "'$skip' is not supported by the service.",
    };
    const group = await newGroup(client, 'Skip ring');

    for (const path of ['/devices', '/groups', `/groups/${group.id}/transitiveMembers`]) {
      await assert.rejects(client.api(path).skip(1).get(), refusal, path);
    }
    const profiles = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['DeviceManagementConfiguration.Read.All'] }),
    );
    const skipped = (await profiles
      .api('/deviceManagement/windowsDriverUpdateProfiles')
      .skip(1)
      .get()) as { value: unknown[] };
    assert.deepEqual(skipped.value, []);
  });
});
