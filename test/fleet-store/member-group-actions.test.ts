// getMemberGroups, checkMemberGroups and their Objects forms answer, as lists of ids, which
// groups a device or a group belongs to, directly or through nested groups.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantB, type TestService } from '../support/service.js';
import {
  directoryWriter,
  newDevice,
  newGroup,
  objectUrl,
  type Created,
} from './directory-fixtures.js';

interface Ids {
  readonly '@odata.context': string;
  readonly value: string[];
}

describe('getMemberGroups, checkMemberGroups, getMemberObjects and checkMemberObjects', () => {
  let service: TestService;
  let client: Client;
  let outer: Created, inner: Created, other: Created, device: Created;

  const bind = (holder: Created, member: Created) =>
    client.api(`/groups/${holder.id}/members/$ref`).post({ '@odata.id': objectUrl(member.id) });

  // outer ⊃ inner ⊃ device; other holds nothing.
  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    outer = await newGroup(client, 'outer');
    inner = await newGroup(client, 'inner');
    other = await newGroup(client, 'other');
    device = await newDevice(client, 'PC-ACTIONS');
    await bind(outer, inner);
    await bind(inner, device);
  });
  after(() => service.dispose());

  test('getMemberGroups lists every group that holds the object, at any depth', async () => {
    const ids = (await client
      .api(`/devices/${device.id}/microsoft.graph.getMemberGroups`)
      .post({ securityEnabledOnly: true })) as Ids;
    const objects = (await client
      .api(`/groups/${inner.id}/getMemberObjects`)
      .version('v1.0')
      .post({ securityEnabledOnly: false })) as Ids;

    assert.deepEqual(ids.value.sort(), [outer.id, inner.id].sort());
    assert.match(ids['@odata.context'], /\/beta\/\$metadata#Collection\(Edm\.String\)$/);
    assert.deepEqual(objects.value, [outer.id]);
  });

  test('checkMemberGroups and checkMemberObjects keep the listed groups that hold it', async () => {
    const asked = [outer.id.toUpperCase(), other.id, crypto.randomUUID()];
    const groups = (await client
      .api(`/devices/${device.id}/checkMemberGroups`)
      .post({ groupIds: asked })) as Ids;
    const objects = (await client
      .api(`/groups/${inner.id}/checkMemberObjects`)
      .post({ ids: [other.id, outer.id] })) as Ids;

    assert.deepEqual(groups.value, [outer.id]);
    assert.deepEqual(objects.value, [outer.id]);
  });

  test('bad bodies are 400s, and another tenant or an unknown object is a 404', async () => {
    const path = `/devices/${device.id}`;
    const stranger = graphClient(
      service.url,
      await service.token(tenantB, { scopes: ['Device.Read.All'] }),
    );

    await assert.rejects(client.api(`${path}/getMemberGroups`).post({}), {
      statusCode: 400,
      message: "Invalid property values: 'securityEnabledOnly' is required.",
    });
    await assert.rejects(client.api(`${path}/getMemberGroups`).post({ securityEnabledOnly: 1 }), {
      statusCode: 400,
    });
    await assert.rejects(client.api(`${path}/checkMemberGroups`).post({ groupIds: ['x'] }), {
      statusCode: 400,
    });
    await assert.rejects(
      client.api(`${path}/checkMemberGroups`).post({
        groupIds: Array.from({ length: 21 }, () => crypto.randomUUID()),
      }),
      { statusCode: 400 },
    );
    await assert.rejects(client.api(`${path}/checkMemberObjects`).post({ groupIds: [] }), {
      statusCode: 400,
    });
    await assert.rejects(
      stranger.api(`${path}/getMemberGroups`).post({ securityEnabledOnly: true }),
      { statusCode: 404 },
    );
  });
});
