// Errors of the built-in issuer's token endpoint, shaped as Entra ID sends them so that MSAL
// and azure-identity report them the way they report Entra's own.

interface OAuthErrorEntry {
  readonly status: number;
  readonly error: string;
  readonly code: number;
}

function entry(status: number, error: string, code: number): OAuthErrorEntry {
  return { status, error, code };
}

// AADSTS numbers are Entra's for the same conditions; clients and people search for them.
export const oauthErrors = {
  missingParameter: entry(400, 'invalid_request', 900144),
  duplicateParameter: entry(400, 'invalid_request', 90014),
  malformedRequest: entry(400, 'invalid_request', 900143),
  tenantNotFound: entry(400, 'invalid_request', 90002),
  unsupportedGrant: entry(400, 'unsupported_grant_type', 70003),
  unsupportedClientAuthentication: entry(401, 'invalid_client', 7000216),
  unknownClient: entry(400, 'unauthorized_client', 700016),
  wrongSecret: entry(401, 'invalid_client', 7000215),
  invalidScope: entry(400, 'invalid_scope', 1002012),
  unknownResource: entry(400, 'invalid_resource', 500011),
  interactiveNotOffered: entry(400, 'unsupported_response_type', 900561),
} as const satisfies Record<string, OAuthErrorEntry>;

export type OAuthErrorKind = keyof typeof oauthErrors;

export class OAuthError extends Error {
  readonly kind: OAuthErrorKind;

  constructor(kind: OAuthErrorKind, message: string) {
    super(message);
    this.name = 'OAuthError';
    this.kind = kind;
  }

  get status(): number {
    return oauthErrors[this.kind].status;
  }
}

export interface OAuthErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly error_codes: readonly number[];
  readonly timestamp: string;
  readonly trace_id: string;
  readonly correlation_id: string;
}

export function oauthErrorBody(
  error: OAuthError,
  ids: { readonly traceId: string; readonly correlationId: string },
  now: Date,
): OAuthErrorBody {
  const { error: name, code } = oauthErrors[error.kind];
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  const description =
    `AADSTS${code}: ${error.message} Trace ID: ${ids.traceId} ` +
    `Correlation ID: ${ids.correlationId} Timestamp: ${timestamp}`;

  return {
    error: name,
    error_description: description,
    error_codes: [code],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
  };
}
