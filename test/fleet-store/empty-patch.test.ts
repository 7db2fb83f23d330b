// A PATCH whose body changes no property (`{}`, or only control information) is a 204 that
// leaves the object as it was, not a statement the database refuses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startTestService, type TestService } from '../support/service.js';
import { directoryWriter, newDevice, newGroup } from './directory-fixtures.js';

let service: TestService;
let client: Client;

before(async () => {
  service = await startTestService();
  client = await directoryWriter(service);
});
after(() => service.dispose());

test('an empty PATCH of a device or a group changes nothing and answers 204', async () => {
  const device = await newDevice(client, 'PC-UNCHANGED');
  const group = await newGroup(client, 'Unchanged');

  for (const path of [`/devices/${device.id}`, `/groups/${group.id}`]) {
    await client.api(path).patch({});
    await client.api(path).patch({ '@odata.etag': 'W/"1"' });
  }
  const devices = (await client.api(`/devices/${device.id}`).get()) as { displayName: string };
  const groups = (await client.api(`/groups/${group.id}`).get()) as { displayName: string };

  assert.equal(devices.displayName, 'PC-UNCHANGED');
  assert.equal(groups.displayName, 'Unchanged');
});
