import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { resolveDevices } from '../../src/fleet/group-resolution.js';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';

interface Created {
  readonly id: string;
}

describe('groups and members through the official Graph client', () => {
  let service: TestService;
  let client: Client;

  before(async () => {
    service = await startTestService();
    const token = await service.token(tenantA, {
      scopes: ['Device.ReadWrite.All', 'Group.ReadWrite.All'],
    });
    client = graphClient(service.url, token);
  });
  after(() => service.dispose());

  const newDevice = async (name: string): Promise<Created> =>
    client.api('/devices').post({
      accountEnabled: true,
      alternativeSecurityIds: [],
      deviceId: crypto.randomUUID(),
      displayName: name,
      operatingSystem: 'Windows',
      operatingSystemVersion: '10.0.22631.4602',
    }) as Promise<Created>;
  const newGroup = async (name: string): Promise<Created> =>
    client.api('/groups').post({
      displayName: name,
      mailEnabled: false,
      mailNickname: name.replace(/\W/g, ''),
      securityEnabled: true,
    }) as Promise<Created>;
  const addMember = (group: Created, member: Created, base = 'https://graph.microsoft.com') =>
    client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ '@odata.id': `${base}/v1.0/directoryObjects/${member.id}` });
  const resolved = (...groups: Created[]) =>
    resolveDevices(
      service.store.db,
      tenantA,
      groups.map((group) => group.id),
    );

  test('a group lists its device and group members with their types', async () => {
    const group = await newGroup('Finance laptops');
    const device = await newDevice('PC-0001');
    const nested = await newGroup('Finance desktops');
    await addMember(group, device);
    await addMember(group, nested);

    const members = (await client.api(`/groups/${group.id}/members`).get()) as {
      value: { id: string; '@odata.type': string }[];
    };
    const byId = new Map(members.value.map((member) => [member.id, member['@odata.type']]));

    assert.equal(byId.get(device.id), '#microsoft.graph.device');
    assert.equal(byId.get(nested.id), '#microsoft.graph.group');
    assert.equal(byId.size, 2);
  });

  test('nested groups resolve to the devices of every level', async () => {
    const top = await newGroup('All pilots');
    const middle = await newGroup('Site pilots');
    const bottom = await newGroup('Lab pilots');
    const [a, b, c] = await Promise.all(['PC-A', 'PC-B', 'PC-C'].map(newDevice));
    await addMember(top, a!);
    await addMember(top, middle);
    await addMember(middle, b!);
    await addMember(middle, bottom);
    await addMember(bottom, c!);

    assert.deepEqual(await resolved(top), [a!.id, b!.id, c!.id].sort());
    assert.deepEqual(await resolved(bottom), [c!.id]);
  });

  test('a membership cycle resolves once and ends', async () => {
    const first = await newGroup('Cycle one');
    const second = await newGroup('Cycle two');
    const [a, b] = await Promise.all(['PC-X', 'PC-Y'].map(newDevice));
    await addMember(first, second);
    await addMember(second, first);
    await addMember(first, a!);
    await addMember(second, b!);

    assert.deepEqual(await resolved(first), [a!.id, b!.id].sort());
    assert.deepEqual(await resolved(second), [a!.id, b!.id].sort());
  });

  test('removed members and deleted groups no longer resolve', async () => {
    const group = await newGroup('Shrinking');
    const nested = await newGroup('Shrinking child');
    const [a, b] = await Promise.all(['PC-R1', 'PC-R2'].map(newDevice));
    await addMember(group, a!);
    await addMember(group, nested);
    await addMember(nested, b!);

    await client.api(`/groups/${group.id}/members/${a!.id}/$ref`).delete();
    assert.deepEqual(await resolved(group), [b!.id]);

    await client.api(`/groups/${nested.id}`).delete();
    assert.deepEqual(await resolved(group), []);
  });

  test('adding a member twice is refused as Graph refuses it', async () => {
    const group = await newGroup('Twice');
    const device = await newDevice('PC-TWICE');
    await addMember(group, device, 'http://localhost:1');

    await assert.rejects(
      addMember(group, device),
      (error: { statusCode: number; code: string }) => {
        assert.equal(error.statusCode, 400);
        assert.equal(error.code, 'Request_BadRequest');

        return true;
      },
    );
  });

  test('references name devices and groups in any of their URL forms', async () => {
    const group = await newGroup('Forms');
    const device = await newDevice('PC-FORM');
    const nested = await newGroup('Forms child');
    await client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ '@odata.id': `https://graph.microsoft.com/beta/devices('${device.id}')` });
    await client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ '@odata.id': `${service.url}/v1.0/groups/${nested.id}` });

    const count = (await client
      .api(`/groups/${group.id}/members`)
      .header('ConsistencyLevel', 'eventual')
      .count(true)
      .get()) as { '@odata.count': number };
    assert.equal(count['@odata.count'], 2);
  });

  test('the same directory is served on v1.0, with query options', async () => {
    const device = await newDevice('PC-V1');
    const found = (await client
      .api('/devices')
      .version('v1.0')
      .filter(`displayName eq 'PC-V1'`)
      .select(['id', 'deviceId', 'accountEnabled'])
      .get()) as { value: Record<string, unknown>[] };

    assert.equal(found.value.length, 1);
    assert.equal(found.value[0]!.id, device.id);
    assert.equal(found.value[0]!.accountEnabled, true);
    assert.equal(found.value[0]!.displayName, undefined);
  });

  test('a group needs a mail nickname and must be a security group', async () => {
    const refused = (body: object) =>
      assert.rejects(client.api('/groups').post(body), { statusCode: 400 });

    await refused({ displayName: 'No nickname', mailEnabled: false, securityEnabled: true });
    await refused({ displayName: 'Mail', mailNickname: 'mail', mailEnabled: true });
    await refused({ displayName: 'M365', mailNickname: 'm365', groupTypes: ['Unified'] });
  });

  test('another tenant sees none of the groups', async () => {
    const group = await newGroup('Private');
    const other = graphClient(
      service.url,
      await service.token(tenantB, { scopes: ['Group.Read.All'] }),
    );

    await assert.rejects(other.api(`/groups/${group.id}`).get(), { statusCode: 404 });
    const listed = (await other.api('/groups').get()) as { value: unknown[] };
    assert.equal(listed.value.length, 0);
  });

  test('reading groups without a group permission is forbidden', async () => {
    const reader = graphClient(
      service.url,
      await service.token(tenantA, { scopes: ['Device.Read.All'] }),
    );

    await assert.rejects(reader.api('/groups').get(), { statusCode: 403 });
  });
});
