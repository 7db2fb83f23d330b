export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
// Graph's application id: Entra puts it in `aud` of v1 tokens minted for Graph.
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
// Personal Microsoft accounts all live in this one tenant; Intune does not serve them.
export const PERSONAL_ACCOUNT_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:8080';

/** The server's base URL without a trailing slash; throws unless it is an http(s) URL. */
export function normalizePublicUrl(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`invalid public URL '${publicUrl}'`);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`invalid public URL '${publicUrl}': use http or https`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`invalid public URL '${publicUrl}': no query, fragment or credentials`);
  }

  return url.href.replace(/\/+$/, '');
}

// Shaped like Entra ID's v2 issuer, https://login.microsoftonline.com/{tid}/v2.0, with the
// server's own base URL in place of the login host.
export function issuerFor(publicUrl: string, tenantId: string): string {
  return `${normalizePublicUrl(publicUrl)}/${tenantId}/v2.0`;
}
