// Run as a child process with NODE_EXTRA_CA_CERTS naming the server's development CA, the way a
// user's script runs: gets a token with MSAL Node or azure-identity from the built-in issuer,
// then drives every Graph endpoint with the official client, and prints what it saw as JSON.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ClientSecretCredential } from '@azure/identity';
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';

const [library = '', serverUrl = '', tenantId = '', clientId = '', clientSecret = ''] =
  process.argv.slice(2);
const scope = 'https://graph.microsoft.com/.default';

async function msalToken(): Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret,
      authority: `${serverUrl}/${tenantId}`,
      // The server is its own authority: no instance discovery at login.microsoftonline.com.
      knownAuthorities: [new URL(serverUrl).host],
    },
  });
  const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
  if (!result) throw new Error('MSAL returned no token');

  return result.accessToken;
}

async function azureIdentityToken(): Promise<string> {
  const credential = new ClientSecretCredential(tenantId, clientId, clientSecret, {
    authorityHost: serverUrl,
    disableInstanceDiscovery: true,
  });

  return (await credential.getToken(scope)).token;
}

async function statusOf(request: Promise<unknown>): Promise<number | string> {
  try {
    const response = (await request) as Response;

    return response.status;
  } catch (error) {
    const { statusCode, code } = error as { statusCode?: number; code?: string };

    return `${statusCode ?? '?'} ${code ?? String(error)}`;
  }
}

const token = library === 'msal' ? await msalToken() : await azureIdentityToken();
const client = Client.init({
  baseUrl: serverUrl,
  defaultVersion: 'beta',
  authProvider: (done) => done(null, token),
  customHosts: new Set([new URL(serverUrl).hostname]),
});
const raw = (path: string) => client.api(path).responseType(ResponseType.RAW);
const profiles = '/deviceManagement/windowsDriverUpdateProfiles';
const profile = (await client
  .api(profiles)
  .post({ displayName: `Walk ${library}`, approvalType: 'manual' })) as { id: string };
const one = `${profiles}/${profile.id}`;
const assignment = (await client.api(`${one}/assignments`).post({
  target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' },
})) as { id: string };
const allDevices = { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' };
const steps: [string, () => Promise<unknown>][] = [
  ['list profiles', () => raw(profiles).get()],
  ['count profiles', () => raw(`${profiles}/$count`).get()],
  ['get profile', () => raw(one).get()],
  ['get profile by key in parentheses', () => raw(`${profiles}('${profile.id}')`).get()],
  ['update profile', () => raw(one).patch({ description: 'walked' })],
  ['list assignments', () => raw(`${one}/assignments`).get()],
  ['get assignment', () => raw(`${one}/assignments/${assignment.id}`).get()],
  [
    'update assignment',
    () => raw(`${one}/assignments/${assignment.id}`).patch({ target: allDevices }),
  ],
  [
    'replace assignments',
    () => raw(`${one}/assign`).post({ assignments: [{ target: allDevices }] }),
  ],
  ['sync inventory', () => raw(`${one}/syncInventory`).post({})],
  ['list driver inventories', () => raw(`${one}/driverInventories`).get()],
  [
    'execute action',
    () => raw(`${one}/executeAction`).post({ actionName: 'approve', driverIds: ['absent-driver'] }),
  ],
  ['delete profile', () => raw(one).delete()],
  ['get deleted profile', () => raw(one).get()],
];
const results: Record<string, number | string> = {};
// One after another: a PATCH and a POST on one profile should not race each other.
for (const [name, request] of steps) results[name] = await statusOf(request());

process.stdout.write(JSON.stringify({ tokenParts: token.split('.').length, results }));
