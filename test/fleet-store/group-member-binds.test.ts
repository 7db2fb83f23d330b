// Graph binds members in a group's own body: `members@odata.bind` on create and on update, up to
// 20 at once, all or none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';

interface Created {
  readonly id: string;
}

describe('members@odata.bind in a group body', () => {
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

  const newDevice = (name: string) =>
    client.api('/devices').post({
      accountEnabled: true,
      alternativeSecurityIds: [],
      deviceId: crypto.randomUUID(),
      displayName: name,
    }) as Promise<Created>;
  const groupBody = (name: string, extra: Record<string, unknown> = {}) => ({
    displayName: name,
    mailEnabled: false,
    mailNickname: name.replace(/\W/g, ''),
    securityEnabled: true,
    ...extra,
  });
  const url = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
  const memberIds = async (groupId: string) => {
    const page = (await client.api(`/groups/${groupId}/members`).get()) as { value: Created[] };
    return page.value.map((member) => member.id).sort();
  };

  test('a group is created with its members, and an update binds more', async () => {
    const [first, second, third] = await Promise.all(
      ['PC-1', 'PC-2', 'PC-3'].map((name) => newDevice(name)),
    );
    const nested = (await client.api('/groups').post(groupBody('Nested'))) as Created;

    const group = (await client.api('/groups').post(
      groupBody('Bound', {
        'members@odata.bind': [url(first!.id), `${service.url}/beta/devices('${second!.id}')`],
      }),
    )) as Created;
    await client.api(`/groups/${group.id}`).patch({
      description: 'with more members',
      'members@odata.bind': [url(third!.id), url(nested.id)],
    });

    assert.deepEqual(
      await memberIds(group.id),
      [first!.id, second!.id, third!.id, nested.id].sort(),
    );
  });

  test('one bad reference changes nothing: not the members, not the other properties', async () => {
    const device = await newDevice('PC-4');
    const group = (await client
      .api('/groups')
      .post(groupBody('Atomic', { 'members@odata.bind': [url(device.id)] }))) as Created;
    const attempts = [
      { body: [url(crypto.randomUUID())], status: 404 },
      { body: [url(device.id)], status: 400, code: 'Request_BadRequest' },
      { body: [url(group.id)], status: 400 },
    ];

    for (const attempt of attempts) {
      await assert.rejects(
        client.api(`/groups/${group.id}`).patch({
          displayName: 'Renamed',
          'members@odata.bind': [...attempt.body],
        }),
        { statusCode: attempt.status, ...(attempt.code ? { code: attempt.code } : {}) },
      );
    }
    const kept = (await client.api(`/groups/${group.id}`).get()) as { displayName: string };

    assert.equal(kept.displayName, 'Atomic');
    assert.deepEqual(await memberIds(group.id), [device.id]);
    await assert.rejects(
      client
        .api('/groups')
        .post(groupBody('Never', { 'members@odata.bind': [url(crypto.randomUUID())] })),
      { statusCode: 404 },
    );
    const names = (await client.api('/groups').get()) as { value: { displayName: string }[] };
    assert.ok(!names.value.some((item) => item.displayName === 'Never'));
  });

  test('malformed binds, more than 20, duplicates and owners are refused with reasons', async () => {
    const device = await newDevice('PC-5');
    const refused = async (binds: Record<string, unknown>, reason: RegExp) =>
      assert.rejects(client.api('/groups').post(groupBody('Refused', binds)), {
        statusCode: 400,
        message: reason,
      });

    await refused({ 'members@odata.bind': 'x' }, /list of 1 to 20 directory object URLs/);
    await refused({ 'members@odata.bind': [] }, /list of 1 to 20/);
    await refused(
      { 'members@odata.bind': Array.from({ length: 21 }, () => url(crypto.randomUUID())) },
      /list of 1 to 20/,
    );
    await refused({ 'members@odata.bind': ['https://x/users/1'] }, /directoryObjects\/\{id\}/);
    await refused(
      { 'members@odata.bind': [url(device.id), url(device.id.toUpperCase())] },
      /the same member twice/,
    );
    await refused({ 'owners@odata.bind': [url(device.id)] }, /users or service principals/);
  });
});

describe('$expand=members on groups', () => {
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

  test('each group comes with its first 20 members, in their shapes, with a nested $select', async () => {
    const devices: Created[] = [];
    for (let n = 0; n < 25; n += 1) {
      devices.push(
        (await client.api('/devices').post({
          accountEnabled: true,
          alternativeSecurityIds: [],
          deviceId: crypto.randomUUID(),
          displayName: `PC-${String(n).padStart(2, '0')}`,
        })) as Created,
      );
    }
    const body = (name: string, members: readonly Created[]) => ({
      displayName: name,
      mailEnabled: false,
      mailNickname: name,
      securityEnabled: true,
      'members@odata.bind': members.map(
        (member) => `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}`,
      ),
    });
    const small = (await client.api('/groups').post(body('small', devices.slice(0, 2)))) as Created;
    const large = (await client
      .api('/groups')
      .post(body('large', devices.slice(0, 20)))) as Created;
    await client.api(`/groups/${large.id}`).patch({
      'members@odata.bind': [...devices.slice(20), small].map(
        (member) => `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}`,
      ),
    });

    const one = (await client.api(`/groups/${small.id}`).expand('members').get()) as {
      members: { '@odata.type': string; deviceId?: string }[];
    };
    const listed = (await client
      .api('/groups')
      .select(['id', 'displayName'])
      .expand('members($select=id,displayName)')
      .get()) as { value: { id: string; members: Record<string, unknown>[] }[] };
    const byId = new Map(listed.value.map((group) => [group.id, group.members]));

    assert.equal(one.members.length, 2);
    assert.equal(one.members[0]!['@odata.type'], '#microsoft.graph.device');
    assert.ok(one.members[0]!.deviceId);
    assert.equal(byId.get(large.id)!.length, 20);
    assert.deepEqual(Object.keys(byId.get(small.id)![0]!).sort(), [
      '@odata.type',
      'displayName',
      'id',
    ]);
    await assert.rejects(client.api('/groups').expand('owners').get(), { statusCode: 400 });
  });
});
