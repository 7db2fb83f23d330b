export {
  addApp,
  authenticateClient,
  listApps,
  removeApp,
  rotateAppSecret,
} from './app-registrations.js';
export type {
  AddAppOptions,
  AppCredentials,
  AppRegistration,
  ClientAuthentication,
  RotateSecretOptions,
} from './app-registrations.js';
export { APP_TOKEN_LIFETIME_SECONDS, issueClientCredentialsToken } from './client-credentials.js';
export type { ClientCredentialsRequest, TokenResponse } from './client-credentials.js';
export { isGuid } from './guid.js';
export {
  DEFAULT_PUBLIC_URL,
  GRAPH_APP_ID,
  GRAPH_AUDIENCE,
  issuerFor,
  normalizePublicUrl,
  PERSONAL_ACCOUNT_TENANT_ID,
} from './issuer.js';
export { createKeyRing, findVerificationKey, generateSigningKey, publicJwks } from './key-ring.js';
export type { KeyRing, PublishedKey, SigningKey } from './key-ring.js';
export { fixedKeyRing, watchKeyRingFile } from './key-ring-source.js';
export type { KeyRingSource, KeyRingSourceOptions } from './key-ring-source.js';
export { CLOCK_SKEW_SECONDS, rotateSigningKeys } from './key-rotation.js';
export type { RotateKeysOptions } from './key-rotation.js';
export { MAX_TOKEN_LIFETIME_SECONDS, parseLifetime } from './lifetime.js';
export { DEFAULT_CLIENT_APP_ID, mintToken } from './mint-token.js';
export type { MintTokenOptions } from './mint-token.js';
export { OAuthError, oauthErrorBody } from './oauth-error.js';
export type { OAuthErrorBody, OAuthErrorKind } from './oauth-error.js';
export { openIdConfiguration } from './openid-configuration.js';
export {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  requirePermission,
} from './permissions.js';
export type { Principal, PrincipalKind } from './principal.js';
export { KEY_RING_FILE, loadOrCreateSigningKeys } from './signing-keys.js';
export { createTokenVerifier, defaultAudiences } from './token-verifier.js';
export type { TokenVerifier, TokenVerifierOptions } from './token-verifier.js';
export { TokenRequestError } from './token-request-error.js';
export {
  ENTRA_JWKS_URL,
  ENTRA_V1_ISSUER,
  ENTRA_V2_ISSUER,
  entraIssuers,
  loadTrustedIssuers,
} from './trusted-issuers.js';
export type { JwksSource, TrustedIssuer, TrustedIssuerConfig } from './trusted-issuers.js';
