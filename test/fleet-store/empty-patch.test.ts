// A PATCH whose body changes no property (`{}`, or only control information) is a 204 that
// leaves the object as it was, not a statement the database refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantA, type TestService } from '../support/service.js';

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

test('an empty PATCH of a device or a group changes nothing and answers 204', async () => {
  const device = (await client.api('/devices').post({
    accountEnabled: true,
    alternativeSecurityIds: [],
    deviceId: crypto.randomUUID(),
    displayName: 'PC-UNCHANGED',
  })) as { id: string };
  const group = (await client.api('/groups').post({
    displayName: 'Unchanged',
    mailEnabled: false,
    mailNickname: 'unchanged',
    securityEnabled: true,
  })) as { id: string };

  for (const path of [`/devices/${device.id}`, `/groups/${group.id}`]) {
    await client.api(path).patch({});
    await client.api(path).patch({ '@odata.etag': 'W/"1"' });
  }
  const devices = (await client.api(`/devices/${device.id}`).get()) as { displayName: string };
  const groups = (await client.api(`/groups/${group.id}`).get()) as { displayName: string };

  assert.equal(devices.displayName, 'PC-UNCHANGED');
  assert.equal(groups.displayName, 'Unchanged');
});
