// `$expand=members` on groups: each group's direct members in their own shapes, at most 20, as
// Graph returns an expanded directory relationship.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startTestService, type TestService } from '../support/service.js';
import {
  directoryWriter,
  newDevice,
  newGroup,
  objectUrl,
  type Created,
} from './directory-fixtures.js';

describe('$expand=members on groups', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
  });
  after(() => service.dispose());

  test('each group comes with its first 20 members, whole or by a nested $select', async () => {
    const devices: Created[] = [];
    for (let n = 0; n < 25; n += 1) {
      devices.push(await newDevice(client, `PC-${String(n).padStart(2, '0')}`));
    }
    const bind = (members: readonly Created[]) => ({
      'members@odata.bind': members.map((member) => objectUrl(member.id)),
    });
    const small = await newGroup(client, 'small', bind(devices.slice(0, 2)));
    const large = await newGroup(client, 'large', bind(devices.slice(0, 20)));
    await client.api(`/groups/${large.id}`).patch(bind([...devices.slice(20), small]));

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
