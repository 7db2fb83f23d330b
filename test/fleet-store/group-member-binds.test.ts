// Graph binds members in a group's own body: `members@odata.bind` on create and on update, up to
// 20 at once, all or none.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startTestService, type TestService } from '../support/service.js';
import {
  directoryWriter,
  newDevice,
  newGroup,
  objectUrl as url,
  type Created,
} from './directory-fixtures.js';

describe('members@odata.bind in a group body', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
  });
  after(() => service.dispose());

  const memberIds = async (groupId: string) => {
    const page = (await client.api(`/groups/${groupId}/members`).get()) as { value: Created[] };
    return page.value.map((member) => member.id).sort();
  };

  test('a group is created with its members, and an update binds more', async () => {
    const [first, second, third] = await Promise.all(
      ['PC-1', 'PC-2', 'PC-3'].map((name) => newDevice(client, name)),
    );
    const nested = await newGroup(client, 'Nested');

    const group = await newGroup(client, 'Bound', {
      'members@odata.bind': [url(first!.id), `${service.url}/beta/devices('${second!.id}')`],
    });
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
    const device = await newDevice(client, 'PC-4');
    const group = await newGroup(client, 'Atomic', { 'members@odata.bind': [url(device.id)] });
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
      newGroup(client, 'Never', { 'members@odata.bind': [url(crypto.randomUUID())] }),
      { statusCode: 404 },
    );
    const names = (await client.api('/groups').get()) as { value: { displayName: string }[] };
    assert.ok(!names.value.some((item) => item.displayName === 'Never'));
  });

  test('malformed binds, over 20, duplicates and owners are refused with reasons', async () => {
    const device = await newDevice(client, 'PC-5');
    const refused = async (binds: Record<string, unknown>, reason: RegExp) =>
      assert.rejects(newGroup(client, 'Refused', binds), {
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
