import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { findDeviceByDeviceId } from '../../src/fleet/fleet-repo.js';
import { startTestService, tenantA, tenantB, type TestService } from '../support/service.js';
import { appToken, deviceToken, putReport, reportFor } from './report-fixtures.js';

describe('device report ingestion over HTTP', () => {
  let service: TestService;
  let token: string;

  before(async () => {
    service = await startTestService();
    token = await appToken(service, tenantA);
  });
  after(() => service.dispose());

  const stored = (deviceId: string, tenantId = tenantA) =>
    findDeviceByDeviceId(service.store.db, tenantId, deviceId);
  const configurationCount = async (tenantId = tenantA) =>
    (
      await service.store.db
        .selectFrom('device_configurations')
        .select('key')
        .where('tenant_id', '=', tenantId)
        .execute()
    ).length;

  test('a first report registers the device and stores its configuration', async () => {
    const deviceId = randomUUID();
    const response = await putReport(
      service,
      token,
      deviceId,
      reportFor(deviceId, '2026-12-01T10:00:00Z'),
    );
    const body = (await response.json()) as Record<string, unknown>;

    assert.equal(response.status, 200);
    assert.equal(body.deviceId, deviceId);
    assert.equal(body.accepted, true);
    assert.match(String(body.configurationKey), /^[0-9a-f]{64}$/);
    const row = await stored(deviceId);
    assert.equal(row?.configuration_key, body.configurationKey);
    assert.equal(row?.reported_at, '2026-12-01T10:00:00.000Z');
    assert.equal(row?.id, body.id);

    const graph = await fetch(`${service.url}/beta/devices/${row?.id}`, {
      headers: {
        authorization: `Bearer ${await service.token(tenantA, { scopes: ['Device.Read.All'] })}`,
      },
    });
    const device = (await graph.json()) as Record<string, unknown>;
    assert.equal(device.deviceId, deviceId);
    assert.equal(device.operatingSystemVersion, '10.0.22631.4602');
  });

  test('identical hardware on two devices is stored once', async () => {
    const before = await configurationCount(tenantB);
    const other = await appToken(service, tenantB);
    const [first, second] = [randomUUID(), randomUUID()];
    await putReport(service, other, first, reportFor(first, '2026-12-01T10:00:00Z', '9.9.9.1'));
    await putReport(service, other, second, reportFor(second, '2026-12-02T10:00:00Z', '9.9.9.1'));

    assert.equal(await configurationCount(tenantB), before + 1);
    assert.equal(
      (await stored(first, tenantB))?.configuration_key,
      (await stored(second, tenantB))?.configuration_key,
    );
  });

  test('a newer report replaces the configuration and drops the unused old one', async () => {
    const other = await appToken(service, tenantB);
    const deviceId = randomUUID();
    await putReport(
      service,
      other,
      deviceId,
      reportFor(deviceId, '2026-12-01T10:00:00Z', '5.0.0.1'),
    );
    const count = await configurationCount(tenantB);
    const response = await putReport(
      service,
      other,
      deviceId,
      reportFor(deviceId, '2026-12-03T10:00:00Z', '5.0.0.2'),
    );

    assert.equal(response.status, 200);
    assert.equal(await configurationCount(tenantB), count);
    assert.equal((await stored(deviceId, tenantB))?.reported_at, '2026-12-03T10:00:00.000Z');
  });

  test('an older report after a newer one is refused with 409 and changes nothing', async () => {
    const deviceId = randomUUID();
    await putReport(
      service,
      token,
      deviceId,
      reportFor(deviceId, '2026-12-05T10:00:00Z', '2.0.0.0'),
    );
    const before = await stored(deviceId);
    const response = await putReport(
      service,
      token,
      deviceId,
      reportFor(deviceId, '2026-12-04T10:00:00Z', '1.0.0.0'),
    );
    const body = (await response.json()) as { error: { code: string } };

    assert.equal(response.status, 409);
    assert.equal(body.error.code, 'Conflict');
    assert.deepEqual(await stored(deviceId), before);
  });

  test('the same report sent twice is accepted twice and stored once', async () => {
    const deviceId = randomUUID();
    const report = reportFor(deviceId, '2026-12-06T10:00:00Z');
    const first = (await (await putReport(service, token, deviceId, report)).json()) as object;
    const again = await putReport(service, token, deviceId, report);

    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { ...first, changed: false });
  });

  test('concurrent reports for one device leave the newest stored', async () => {
    const deviceId = randomUUID();
    const days = Array.from({ length: 24 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const responses = await Promise.all(
      days.map((day) =>
        putReport(
          service,
          token,
          deviceId,
          reportFor(deviceId, `2026-11-${String(day).padStart(2, '0')}T08:00:00Z`, `3.0.0.${day}`),
        ),
      ),
    );

    for (const response of responses) assert.ok([200, 409].includes(response.status));
    const row = await stored(deviceId);
    assert.equal(row?.reported_at, '2026-11-24T08:00:00.000Z');
    const newest = await putReport(
      service,
      token,
      deviceId,
      reportFor(deviceId, '2026-11-24T08:00:00Z', '3.0.0.24'),
    );
    assert.equal(((await newest.json()) as { changed: boolean }).changed, false);
    const devices = await service.store.db
      .selectFrom('devices')
      .select('id')
      .where('tenant_id', '=', tenantA)
      .where('device_id', '=', deviceId)
      .execute();
    assert.equal(devices.length, 1);
  });

  test('a device token reports for its own device only', async () => {
    const own = randomUUID();
    const other = randomUUID();
    const ownToken = await deviceToken(service, tenantA, own);

    const accepted = await putReport(
      service,
      ownToken,
      own,
      reportFor(own, '2026-12-01T10:00:00Z'),
    );
    const refused = await putReport(
      service,
      ownToken,
      other,
      reportFor(other, '2026-12-01T10:00:00Z'),
    );

    assert.equal(accepted.status, 200);
    assert.equal(refused.status, 403);
    assert.equal(await stored(other), undefined);
  });

  test('a token without the reporting role cannot report', async () => {
    const deviceId = randomUUID();
    const admin = await service.token(tenantA);
    const response = await putReport(
      service,
      admin,
      deviceId,
      reportFor(deviceId, '2026-12-01T10:00:00Z'),
    );

    assert.equal(response.status, 403);
  });

  test('a report naming another device than the path is refused', async () => {
    const response = await putReport(
      service,
      token,
      randomUUID(),
      reportFor(randomUUID(), '2026-12-01T10:00:00Z'),
    );
    const body = (await response.json()) as { error: { message: string } };

    assert.equal(response.status, 400);
    assert.match(body.error.message, /\$\.deviceId/);
  });

  test('validation errors name the JSON path', async () => {
    const deviceId = randomUUID();
    const report = reportFor(deviceId, '2026-12-01T10:00:00Z');
    const spoiled = { ...report, os: { ...report.os, version: 'ten' } };
    const response = await putReport(service, token, deviceId, spoiled);
    const body = (await response.json()) as { error: { message: string } };

    assert.equal(response.status, 400);
    assert.match(body.error.message, /\$\.os\.version/);
  });
});
