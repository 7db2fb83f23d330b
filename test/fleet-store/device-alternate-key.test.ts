// Graph addresses a device by its object id or by the id the device itself carries:
// `/devices(deviceId='{deviceId}')`, as Get-MgDeviceByDeviceId does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { startTestService, tenantB, type TestService } from '../support/service.js';
import { directoryWriter, newDevice, type CreatedDevice } from './directory-fixtures.js';

describe("devices by their alternate key, devices(deviceId='...')", () => {
  let service: TestService;
  let client: Client;
  let device: CreatedDevice;

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    device = await newDevice(client, 'PC-KEYED');
  });
  after(() => service.dispose());

  test('reads, updates and deletes the same device its object id names', async () => {
    const path = `/devices(deviceId='${device.deviceId}')`;

    const read = (await client.api(path).version('v1.0').get()) as { id: string };
    await client.api(path).patch({ displayName: 'PC-RENAMED' });
    const renamed = (await client.api(`/devices/${device.id}`).get()) as { displayName: string };
    await client.api(path).delete();

    assert.equal(read.id, device.id);
    assert.equal(renamed.displayName, 'PC-RENAMED');
    await assert.rejects(client.api(`/devices/${device.id}`).get(), { statusCode: 404 });
  });

  test('a device id no device of the tenant has is a 404; one that is no GUID, a 400', async () => {
    const other = graphClient(
      service.url,
      await service.token(tenantB, { scopes: ['Device.Read.All'] }),
    );
    const kept = await newDevice(client, 'PC-TENANT-A');

    await assert.rejects(other.api(`/devices(deviceId='${kept.deviceId}')`).get(), {
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await assert.rejects(client.api("/devices(deviceId='not-a-guid')").get(), {
      statusCode: 400,
      message: "'deviceId=not-a-guid' is not a valid device id.",
    });
  });
});
