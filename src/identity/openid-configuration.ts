import { issuerFor, normalizePublicUrl } from './issuer.js';

/**
 * The discovery document of a tenant of the built-in issuer, with the members MSAL requires
 * (authorization, token and key endpoints, issuer). Only the client-credentials grant is served.
 */
export function openIdConfiguration(publicUrl: string, tenantId: string): Record<string, unknown> {
  const base = `${normalizePublicUrl(publicUrl)}/${tenantId}`;

  return {
    issuer: issuerFor(publicUrl, tenantId),
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    grant_types_supported: ['client_credentials'],
    response_types_supported: [],
    response_modes_supported: [],
    scopes_supported: ['https://graph.microsoft.com/.default'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'aud', 'tid', 'oid', 'sub', 'azp', 'appid', 'roles', 'idtyp', 'ver'],
    tenant_region_scope: null,
    cloud_instance_name: new URL(base).host,
  };
}
