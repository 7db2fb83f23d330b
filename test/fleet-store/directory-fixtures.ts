// Devices and groups made through the official Graph client, for the directory's tests.
import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClient } from '../support/graph-client.js';
import { tenantA, type TestService } from '../support/service.js';

export interface Created {
  readonly id: string;
}

export interface CreatedDevice extends Created {
  readonly deviceId: string;
}

/** A client of tenant A that may read and write devices and groups. */
export async function directoryWriter(service: TestService): Promise<Client> {
  const scopes = ['Device.ReadWrite.All', 'Group.ReadWrite.All'];

  return graphClient(service.url, await service.token(tenantA, { scopes }));
}

export function newDevice(
  client: Client,
  displayName: string,
  properties: Record<string, unknown> = {},
): Promise<CreatedDevice> {
  return client.api('/devices').post({
    accountEnabled: true,
    alternativeSecurityIds: [],
    deviceId: crypto.randomUUID(),
    displayName,
    ...properties,
  }) as Promise<CreatedDevice>;
}

/** A security group whose mail nickname is its name without spaces or symbols. */
export function newGroup(
  client: Client,
  displayName: string,
  properties: Record<string, unknown> = {},
): Promise<Created> {
  return client.api('/groups').post({
    displayName,
    mailEnabled: false,
    mailNickname: displayName.replace(/\W/g, ''),
    securityEnabled: true,
    ...properties,
  }) as Promise<Created>;
}

/** The URL a `$ref` or `@odata.bind` names a directory object by. */
export function objectUrl(id: string): string {
  return `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
}
