import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';

interface Created {
  readonly id: string;
}

interface Listed {
  readonly '@odata.context': string;
  readonly '@odata.count'?: number;
  readonly value: { id: string; '@odata.type': string; displayName?: string }[];
}

describe('membership lists: members and memberOf, direct, transitive and cast', () => {
  let service: TestService;
  let client: Client;
  let top: Created, middle: Created, bottom: Created;
  let laptop: Created, desktop: Created, kiosk: Created;

  const newDevice = async (name: string, operatingSystem = 'Windows'): Promise<Created> =>
    client.api('/devices').post({
      accountEnabled: true,
      alternativeSecurityIds: [],
      deviceId: crypto.randomUUID(),
      displayName: name,
      operatingSystem,
      operatingSystemVersion: '10.0.22631.4602',
    }) as Promise<Created>;
  const newGroup = async (name: string): Promise<Created> =>
    client.api('/groups').post({
      displayName: name,
      mailEnabled: false,
      mailNickname: name.replace(/\W/g, ''),
      securityEnabled: true,
    }) as Promise<Created>;
  const addMember = (group: Created, member: Created) =>
    client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}` });
  const list = async (path: string): Promise<Listed> => (await client.api(path).get()) as Listed;
  const ids = (listed: Listed) => listed.value.map((item) => item.id).sort();

  // top ⊃ {laptop, middle}; middle ⊃ {desktop, bottom, laptop}; bottom ⊃ {kiosk, top}.
  before(async () => {
    service = await startTestService();
    const token = await service.token(tenantA, {
      scopes: ['Device.ReadWrite.All', 'Group.ReadWrite.All'],
    });
    client = graphClient(service.url, token);
    top = await newGroup('Top');
    middle = await newGroup('Middle');
    bottom = await newGroup('Bottom');
    laptop = await newDevice('PC-LAPTOP');
    desktop = await newDevice('PC-DESKTOP');
    kiosk = await newDevice('KIOSK-01', 'Windows IoT');
    for (const [group, member] of [
      [top, laptop],
      [top, middle],
      [middle, desktop],
      [middle, bottom],
      [middle, laptop],
      [bottom, kiosk],
      [bottom, top],
    ] as const) {
      await addMember(group, member);
    }
  });
  after(() => service.dispose());

  test('members cast to devices or groups lists only that kind, whole', async () => {
    const devices = await list(`/groups/${middle.id}/members/microsoft.graph.device`);
    const groups = await list(`/groups/${middle.id}/members/microsoft.graph.group`);

    assert.deepEqual(ids(devices), [laptop.id, desktop.id].sort());
    assert.ok(devices.value.every((item) => item['@odata.type'] === '#microsoft.graph.device'));
    assert.match(devices['@odata.context'], /\/beta\/\$metadata#devices$/);
    assert.deepEqual(ids(groups), [bottom.id]);
    assert.match(groups['@odata.context'], /\/beta\/\$metadata#groups$/);
  });

  test('a cast list takes the query options of its kind', async () => {
    const filtered = (await client
      .api(`/groups/${bottom.id}/transitiveMembers/microsoft.graph.device`)
      .version('v1.0')
      .filter(`startswith(operatingSystem, 'Windows IoT')`)
      .select(['id', 'displayName'])
      .count(true)
      .header('ConsistencyLevel', 'eventual')
      .get()) as Listed;

    assert.deepEqual(ids(filtered), [kiosk.id]);
    assert.equal(filtered['@odata.count'], 1);
    assert.equal(filtered.value[0]!.displayName, 'KIOSK-01');
    assert.match(filtered['@odata.context'], /\/v1\.0\/\$metadata#devices\(id,displayName\)$/);
  });

  test('transitiveMembers reaches every level once, never the group itself', async () => {
    const all = await list(`/groups/${top.id}/transitiveMembers`);
    const devices = await list(`/groups/${top.id}/transitiveMembers/microsoft.graph.device`);
    const groups = await list(`/groups/${top.id}/transitiveMembers/microsoft.graph.group`);

    assert.deepEqual(ids(all), [laptop, desktop, kiosk, middle, bottom].map((m) => m.id).sort());
    assert.deepEqual(ids(devices), [laptop, desktop, kiosk].map((m) => m.id).sort());
    assert.deepEqual(ids(groups), [middle.id, bottom.id].sort());
    assert.match(all['@odata.context'], /\$metadata#directoryObjects$/);
  });

  test('each list has its $count', async () => {
    const count = async (path: string) =>
      (await fetch(`${service.url}/beta/groups/${top.id}/${path}/$count`, {
        headers: {
          authorization: `Bearer ${await service.token(tenantA, readMembers)}`,
          consistencylevel: 'eventual',
        },
      }).then((response) => response.text())) as string;

    assert.equal(await count('members'), '2');
    assert.equal(await count('members/microsoft.graph.device'), '1');
    assert.equal(await count('transitiveMembers'), '5');
    assert.equal(await count('transitiveMembers/microsoft.graph.group'), '2');
  });

  test('memberOf lists the groups that hold an object, transitiveMemberOf theirs too', async () => {
    const of = async (path: string) => ids(await list(path));
    const groupIds = (...groups: Created[]) => groups.map((group) => group.id).sort();

    assert.deepEqual(await of(`/devices/${laptop.id}/memberOf`), groupIds(top, middle));
    assert.deepEqual(
      await of(`/devices/${laptop.id}/transitiveMemberOf`),
      groupIds(top, middle, bottom),
    );
    assert.deepEqual(await of(`/devices/${kiosk.id}/memberOf/microsoft.graph.group`), [bottom.id]);
    assert.deepEqual(await of(`/groups/${top.id}/memberOf`), [bottom.id]);
    assert.deepEqual(await of(`/groups/${top.id}/transitiveMemberOf`), groupIds(middle, bottom));

    const held = await list(`/devices/${kiosk.id}/transitiveMemberOf`);
    assert.deepEqual(ids(held), groupIds(top, middle, bottom));
    assert.ok(held.value.every((item) => item['@odata.type'] === '#microsoft.graph.group'));
    assert.match(held['@odata.context'], /\$metadata#directoryObjects$/);
    const cast = await list(`/groups/${top.id}/memberOf/microsoft.graph.group?$select=displayName`);
    assert.match(cast['@odata.context'], /\$metadata#groups\(displayName\)$/);
  });

  test('memberOf counts, and needs the read permission of the object it starts from', async () => {
    const token = await service.token(tenantA, { scopes: ['Device.Read.All'] });
    const get = (path: string) =>
      fetch(`${service.url}/beta${path}`, {
        headers: { authorization: `Bearer ${token}`, consistencylevel: 'eventual' },
      });

    assert.equal(await (await get(`/devices/${laptop.id}/transitiveMemberOf/$count`)).text(), '3');
    assert.equal(
      await (await get(`/devices/${laptop.id}/memberOf/microsoft.graph.group/$count`)).text(),
      '2',
    );
    assert.equal((await get(`/groups/${top.id}/memberOf`)).status, 403);
    assert.equal((await get(`/devices/${crypto.randomUUID()}/memberOf`)).status, 404);
  });

  test('another tenant, or a group that does not exist, gets 404', async () => {
    const other = graphClient(service.url, await service.token(tenantB, readMembers));

    await assert.rejects(other.api(`/groups/${top.id}/transitiveMembers`).get(), {
      statusCode: 404,
    });
    await assert.rejects(
      client.api(`/groups/${crypto.randomUUID()}/members/microsoft.graph.device`).get(),
      { statusCode: 404 },
    );
    await assert.rejects(client.api(`/groups/${top.id}/members/microsoft.graph.printer`).get(), {
      statusCode: 404,
      code: 'ResourceNotFound',
      message:
        `No resource matches the path ` +
        `'/beta/groups/${top.id}/members/microsoft.graph.printer'.`,
    });
  });

  test('a cast to a kind of directory object held nowhere here is a 400, as on Graph', async () => {
    const refusal = {
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message:
        'This directory holds devices and groups only; no list here can be cast to ' +
        "'microsoft.graph.user'.",
    };

    await assert.rejects(
      client.api(`/groups/${top.id}/members/microsoft.graph.user`).get(),
      refusal,
    );
    await assert.rejects(
      client.api(`/groups/${top.id}/transitiveMembers/microsoft.graph.user/$count`).get(),
      refusal,
    );
    await assert.rejects(
      client.api(`/devices/${laptop.id}/memberOf/microsoft.graph.administrativeUnit`).get(),
      { statusCode: 400, code: 'Request_UnsupportedQuery' },
    );
    await assert.rejects(client.api(`/groups/${top.id}/members/microsoft.graph.user`).post({}), {
      statusCode: 405,
    });
  });
});

const readMembers = { scopes: ['GroupMember.Read.All'] };
