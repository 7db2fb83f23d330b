// Graph answers `/$count` and `$search` on directory objects only with the header
// `ConsistencyLevel: eventual`; without it, the same Graph errors come back here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';

describe('advanced directory queries need ConsistencyLevel: eventual', () => {
  let service: TestService;
  let client: Client;
  let groupId: string;

  before(async () => {
    service = await startTestService();
    const token = await service.token(tenantA, {
      scopes: [
        'Device.ReadWrite.All',
        'Group.ReadWrite.All',
        'DeviceManagementConfiguration.Read.All',
      ],
    });
    client = graphClient(service.url, token);
    const group = (await client.api('/groups').post({
      displayName: 'Pilot ring',
      mailEnabled: false,
      mailNickname: 'pilotring',
      securityEnabled: true,
    })) as { id: string };
    groupId = group.id;
  });
  after(() => service.dispose());

  const refusal = (code: string, message: string) => (error: unknown) => {
    const graph = error as { statusCode: number; code: string; message: string };
    assert.equal(graph.statusCode, 400);
    assert.equal(graph.code, code);
    assert.equal(graph.message, message);

    return true;
  };
  const countRefused = refusal(
    'Request_UnsupportedQuery',
    "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is " +
      'missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information',
  );
  const searchRefused = refusal(
    'Request_UnsupportedQuery',
    'Request with $search query parameter only works through MSGraph with a special request ' +
      "header: 'ConsistencyLevel: eventual'",
  );

  test('a /$count segment without the header is refused as Graph refuses it', async () => {
    for (const path of ['/devices/$count', '/groups/$count', `/groups/${groupId}/members/$count`]) {
      await assert.rejects(client.api(path).get(), countRefused, path);
    }
    await assert.rejects(
      client.api(`/groups/${groupId}/transitiveMemberOf/microsoft.graph.group/$count`).get(),
      countRefused,
    );
  });

  test('$search without the header is refused as Graph refuses it', async () => {
    await assert.rejects(client.api('/groups').search('"displayName:Pilot"').get(), searchRefused);
    await assert.rejects(
      client.api(`/groups/${groupId}/members`).search('"displayName:PC"').get(),
      searchRefused,
    );
  });

  test('with the header both are answered', async () => {
    const eventual = (path: string) => client.api(path).header('ConsistencyLevel', 'eventual');

    const count = (await eventual('/groups/$count').get()) as unknown;
    const found = (await eventual('/groups').search('"displayName:Pilot"').get()) as {
      value: unknown[];
    };

    assert.equal(String(count), '1');
    assert.equal(found.value.length, 1);
  });

  test('$count=true without the header is answered, but the page carries no count', async () => {
    const plain = (await client.api('/groups').count(true).get()) as Record<string, unknown>;
    const members = (await client.api(`/groups/${groupId}/members`).count(true).get()) as Record<
      string,
      unknown
    >;
    const eventual = (await client
      .api('/groups')
      .header('ConsistencyLevel', 'eventual')
      .count(true)
      .get()) as Record<string, unknown>;

    assert.equal((plain.value as unknown[]).length, 1);
    assert.equal('@odata.count' in plain, false);
    assert.deepEqual(members.value, []);
    assert.equal('@odata.count' in members, false);
    assert.equal(eventual['@odata.count'], 1);
  });

  test('a malformed $count is refused without the header too', async () => {
    await assert.rejects(client.api('/groups').query('$count=maybe').get(), { statusCode: 400 });
  });

  test('Intune collections, which are not directory objects, count without the header', async () => {
    const headers = {
      authorization: `Bearer ${await service.token(tenantA, {
        scopes: ['DeviceManagementConfiguration.Read.All'],
      })}`,
    };
    const profilesUrl = `${service.url}/beta/deviceManagement/windowsDriverUpdateProfiles`;
    const counted = await fetch(`${profilesUrl}/$count`, { headers });
    const page = (await (await fetch(`${profilesUrl}?$count=true`, { headers })).json()) as Record<
      string,
      unknown
    >;

    assert.equal(counted.status, 200);
    assert.equal(page['@odata.count'], 0);
  });
});

describe('advanced queries on directory objects need the header and $count=true', () => {
  let service: TestService;
  let client: Client;
  let groupId: string;

  before(async () => {
    service = await startTestService();
    client = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Device.ReadWrite.All', 'Group.ReadWrite.All'] }),
    );
    for (const name of ['Pilot ring', 'Broad ring']) {
      const group = (await client.api('/groups').post({
        displayName: name,
        mailEnabled: false,
        mailNickname: name.replace(/\W/g, ''),
        securityEnabled: true,
      })) as { id: string };
      groupId = group.id;
    }
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

  test('contains, endsWith, gt and lt are refused on any terms, as Graph refuses them', async () => {
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

describe('in a $batch, ConsistencyLevel goes on the batched request', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Group.ReadWrite.All'] }),
    );
    await client.api('/groups').post({
      displayName: 'Pilot ring',
      mailEnabled: false,
      mailNickname: 'pilotring',
      securityEnabled: true,
    });
  });
  after(() => service.dispose());

  test('each batched request is judged by its own headers', async () => {
    const batch = (await client.api('/$batch').post({
      requests: [
        { id: 'bare', method: 'GET', url: '/groups/$count' },
        {
          id: 'eventual',
          method: 'GET',
          url: '/groups/$count',
          headers: { ConsistencyLevel: 'eventual' },
        },
        {
          id: 'advanced',
          method: 'GET',
          url: "/groups?$filter=displayName ne 'x'&$count=true",
          headers: { ConsistencyLevel: 'eventual' },
        },
      ],
    })) as { responses: { id: string; status: number; body: unknown }[] };
    const byId = new Map(batch.responses.map((response) => [response.id, response]));

    assert.equal(byId.get('bare')?.status, 400);
    assert.equal(
      (byId.get('bare')?.body as { error: { code: string } }).error.code,
      'Request_UnsupportedQuery',
    );
    assert.equal(byId.get('eventual')?.status, 200);
    assert.equal(String(byId.get('eventual')?.body), '1');
    assert.equal(byId.get('advanced')?.status, 200);
    assert.equal((byId.get('advanced')?.body as Record<string, unknown>)['@odata.count'], 1);
  });
});

describe('the directory never skips', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Device.ReadWrite.All', 'Group.ReadWrite.All'] }),
    );
  });
  after(() => service.dispose());

  test("$skip on devices, groups and member lists is Graph's 400; other lists still skip", async () => {
    const refusal = {
      statusCode: 400,
      code: 'Request_BadRequest',
      message: "'$skip' is not supported by the service.",
    };
    const group = (await client.api('/groups').post({
      displayName: 'Skip ring',
      mailEnabled: false,
      mailNickname: 'skipring',
      securityEnabled: true,
    })) as { id: string };

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

describe('directory $search takes Graph\'s "property:text" clauses and matches tokens', () => {
  let service: TestService;
  let client: Client;
  const ids = new Map<string, string>();

  before(async () => {
    service = await startTestService();
    client = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Device.ReadWrite.All', 'Group.ReadWrite.All'] }),
    );
    for (const [name, operatingSystem] of [
      ['PC-LAPTOP-01', 'Windows'],
      ['KioskTerminal', 'Windows IoT'],
      ['Build agent 7', 'Linux'],
    ]) {
      const device = (await client.api('/devices').post({
        accountEnabled: true,
        alternativeSecurityIds: [],
        deviceId: crypto.randomUUID(),
        displayName: name,
        operatingSystem,
      })) as { id: string };
      ids.set(name!, device.id);
    }
    for (const [name, description] of [
      ['Pilot ring', 'First wave of driver updates'],
      ['Broad ring', null],
    ]) {
      const group = (await client.api('/groups').post({
        displayName: name,
        mailEnabled: false,
        mailNickname: name!.replace(/\W/g, ''),
        securityEnabled: true,
        ...(description ? { description } : {}),
      })) as { id: string };
      ids.set(name!, group.id);
    }
  });
  after(() => service.dispose());

  const search = async (path: string, text: string) => {
    const page = (await client
      .api(path)
      .header('ConsistencyLevel', 'eventual')
      .search(text)
      .get()) as { value: { displayName: string }[] };

    return page.value.map((item) => item.displayName).sort();
  };

  test('a search token matches the start of a name token, not the middle of one', async () => {
    assert.deepEqual(await search('/devices', '"displayName:laptop"'), ['PC-LAPTOP-01']);
    assert.deepEqual(await search('/devices', '"displayName:top"'), []);
    assert.deepEqual(await search('/devices', '"displayName:term"'), ['KioskTerminal']);
    assert.deepEqual(await search('/devices', '"displayName:pclaptop01"'), ['PC-LAPTOP-01']);
    assert.deepEqual(await search('/devices', '"displayName:agent Build"'), ['Build agent 7']);
  });

  test('other string properties match by their start; clauses combine with AND, OR and ()', async () => {
    assert.deepEqual(await search('/devices', '"operatingSystem:windows"'), [
      'KioskTerminal',
      'PC-LAPTOP-01',
    ]);
    assert.deepEqual(
      await search(
        '/devices',
        '"operatingSystem:Windows" AND ("displayName:kiosk" OR "displayName:7")',
      ),
      ['KioskTerminal'],
    );
    assert.deepEqual(await search('/groups', '"description:wave" OR "mailNickname:Broad"'), [
      'Broad ring',
      'Pilot ring',
    ]);
  });

  test('member lists search their members, and a renamed group is found by its new name', async () => {
    const pilot = ids.get('Pilot ring')!;
    await client.api(`/groups/${pilot}/members/$ref`).post({
      '@odata.id': `https://graph.microsoft.com/v1.0/devices/${ids.get('KioskTerminal')}`,
    });
    await client.api(`/groups/${ids.get('Broad ring')}`).patch({ displayName: 'Everyone else' });

    assert.deepEqual(await search(`/groups/${pilot}/members`, '"displayName:kiosk"'), [
      'KioskTerminal',
    ]);
    assert.deepEqual(await search('/groups', '"displayName:everyone"'), ['Everyone else']);
    assert.deepEqual(await search('/groups', '"displayName:broad"'), []);
  });

  test('a bare term, which Graph refuses on directory objects, is a 400', async () => {
    await assert.rejects(
      client.api('/devices').header('ConsistencyLevel', 'eventual').search('"laptop"').get(),
      { statusCode: 400, message: /a clause is "property:text", not "laptop"/ },
    );
  });
});
