// Helpers for tests that send device reports over HTTP.
import { loadOrCreateSigningKeys, mintToken } from '../../src/identity/index.js';
import { REPORT_ROLE } from '../../src/http/routes/devices-permissions.js';
import type { DeviceReport } from '../../src/fleet/report-types.js';
import type { TestService } from '../support/service.js';

export function reportFor(deviceId: string, reportedDateTime: string, driver = '1.0.2.3') {
  return {
    deviceId,
    deviceName: `PC-${deviceId.slice(0, 4)}`,
    reportedDateTime,
    os: { version: '10.0.22631.4602', architecture: 'amd64' },
    computerHardwareIds: ['{3f6e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b}'],
    devices: [
      {
        instanceId: 'PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03\\3&11583659&0&FE',
        hardwareIds: ['PCI\\VEN_8086&DEV_15F3&SUBSYS_00008086&REV_03'],
        compatibleIds: ['PCI\\VEN_8086&DEV_15F3', 'PCI\\CC_020000'],
        installedDriver: {
          infName: 'oem12.inf',
          provider: 'Intel',
          class: 'Net',
          version: driver,
          date: '2023-05-01',
          matchingId: 'PCI\\VEN_8086&DEV_15F3',
          rank: '0x00FF2001',
        },
        extensionDrivers: [],
      },
    ],
  } satisfies DeviceReport;
}

export async function appToken(service: TestService, tenantId: string): Promise<string> {
  return service.token(tenantId, { roles: [REPORT_ROLE] });
}

export async function deviceToken(
  service: TestService,
  tenantId: string,
  deviceId: string,
): Promise<string> {
  const ring = await loadOrCreateSigningKeys(service.dataDir);

  return mintToken(ring, {
    publicUrl: service.url,
    tenantId,
    deviceId,
    lifetimeSeconds: 600,
    now: new Date(),
  });
}

export async function putReport(
  service: TestService,
  token: string,
  deviceId: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${service.url}/drivergraph/v1/devices/${deviceId}/report`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
