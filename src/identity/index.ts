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
export { MAX_TOKEN_LIFETIME_SECONDS, parseLifetime } from './lifetime.js';
export { DEFAULT_CLIENT_APP_ID, mintToken } from './mint-token.js';
export type { MintTokenOptions } from './mint-token.js';
export {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  requirePermission,
} from './permissions.js';
export type { Principal, PrincipalKind } from './principal.js';
export { KEY_RING_FILE, loadOrCreateSigningKeys } from './signing-keys.js';
export { createTokenVerifier } from './token-verifier.js';
export type { TokenVerifier, TokenVerifierOptions } from './token-verifier.js';
export { TokenRequestError } from './token-request-error.js';
