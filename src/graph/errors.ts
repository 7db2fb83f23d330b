// Every error a client can see, minted from one catalogue: a stable Graph code, an HTTP status
// and a message template. docs/errors.md lists the same entries; a test keeps them in step.

interface ErrorEntry {
  readonly status: number;
  readonly code: string;
  readonly template: string;
}

function entry(status: number, code: string, template: string): ErrorEntry {
  return { status, code, template };
}

export const errorCatalogue = {
  malformedJson: entry(400, 'BadRequest', 'The request body is not valid JSON: {reason}.'),
  bodyNotObject: entry(400, 'BadRequest', 'The request body must be a JSON object.'),
  bodyNotAllowed: entry(400, 'BadRequest', 'This request takes no body.'),
  unknownProperty: entry(
    400,
    'BadRequest',
    "Invalid property values: '{property}' is not a property of {type}.",
  ),
  readOnlyProperty: entry(
    400,
    'BadRequest',
    "Invalid property values: '{property}' is read-only on {type}.",
  ),
  missingProperty: entry(400, 'BadRequest', "Invalid property values: '{property}' is required."),
  invalidPropertyValue: entry(400, 'BadRequest', "Invalid property values: '{property}' {reason}."),
  invalidRequest: entry(400, 'BadRequest', '{reason}'),
  invalidId: entry(400, 'BadRequest', "'{id}' is not a valid {what} id."),
  unsupportedQueryOption: entry(
    400,
    'BadRequest',
    "The query option '{option}' is not supported {where}.",
  ),
  invalidQueryOption: entry(400, 'BadRequest', "Invalid value for '{option}': {reason}."),
  memberExists: entry(
    400,
    'Request_BadRequest',
    'One or more added object references already exist for the following modified properties: ' +
      "'members'.",
  ),
  skipNotSupported: entry(400, 'Request_BadRequest', "'$skip' is not supported by the service."),
  countNeedsEventualConsistency: entry(
    400,
    'Request_UnsupportedQuery',
    "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is " +
      'missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information',
  ),
  searchNeedsEventualConsistency: entry(
    400,
    'Request_UnsupportedQuery',
    'Request with $search query parameter only works through MSGraph with a special request ' +
      "header: 'ConsistencyLevel: eventual'",
  ),
  filterClauseNotSupported: entry(
    400,
    'Request_UnsupportedQuery',
    "Unsupported or invalid query filter clause specified for property '{property}' of " +
      "resource '{resource}'.",
  ),
  operatorNeedsAdvancedQuery: entry(
    400,
    'Request_UnsupportedQuery',
    "Operator '{operator}' is not supported because the required parameters might be missing. " +
      'Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to ' +
      'https://aka.ms/graph-docs/advanced-queries for more information',
  ),
  sortNeedsAdvancedQuery: entry(
    400,
    'Request_UnsupportedQuery',
    'Sorting not supported for current query.',
  ),
  castNotHeld: entry(
    400,
    'Request_UnsupportedQuery',
    'This directory holds devices and groups only; no list here can be cast to ' +
      "'microsoft.graph.{type}'.",
  ),
  inventoryCreateNotAllowed: entry(
    400,
    'BadRequest',
    'Driver inventories cannot be created; they are computed by syncInventory.',
  ),
  missingToken: entry(
    401,
    'InvalidAuthenticationToken',
    'Access token is empty. Send a bearer token in the Authorization header.',
  ),
  invalidToken: entry(
    401,
    'InvalidAuthenticationToken',
    'Access token validation failure: {reason}.',
  ),
  forbidden: entry(
    403,
    'Forbidden',
    'Insufficient privileges to complete the operation: {reason}.',
  ),
  personalAccount: entry(
    403,
    'Forbidden',
    'Personal Microsoft accounts are not supported; use a work or school account.',
  ),
  notFound: entry(404, 'ResourceNotFound', "Resource not found for the segment '{segment}'."),
  routeNotFound: entry(404, 'ResourceNotFound', "No resource matches the path '{path}'."),
  methodNotAllowed: entry(
    405,
    'MethodNotAllowed',
    "The method '{method}' is not allowed on '{path}'.",
  ),
  conflict: entry(409, 'Conflict', '{reason}'),
  failedDependency: entry(
    424,
    'FailedDependency',
    "The request depends on batch request '{dependency}', which failed, so it was not run.",
  ),
  payloadTooLarge: entry(
    413,
    'RequestEntityTooLarge',
    'The request body exceeds the limit of {limit} bytes.',
  ),
  headersTooLarge: entry(
    431,
    'RequestHeaderFieldsTooLarge',
    'The request line and headers exceed the limit of {limit} bytes.',
  ),
  requestTimeout: entry(408, 'RequestTimeout', 'The request was not received in time.'),
  unsupportedMediaType: entry(
    415,
    'UnsupportedMediaType',
    "The content type '{contentType}' is not supported; send application/json.",
  ),
  unsupportedUploadType: entry(
    415,
    'UnsupportedMediaType',
    "The content type '{contentType}' is not supported here; send {expected}.",
  ),
  unsupportedCharset: entry(
    415,
    'UnsupportedMediaType',
    "The charset '{charset}' is not supported; send JSON in UTF-8.",
  ),
  unsupportedContentEncoding: entry(
    415,
    'UnsupportedMediaType',
    "The content encoding '{encoding}' is not supported; send the body uncompressed.",
  ),
  tooManyRequests: entry(
    429,
    'TooManyRequests',
    'Too many requests; retry after {retryAfter} seconds.',
  ),
  internal: entry(
    500,
    'InternalError',
    'The service hit an unexpected error; request id {requestId}.',
  ),
  unavailable: entry(
    503,
    'ServiceUnavailable',
    'The service is temporarily unavailable; retry after {retryAfter} seconds.',
  ),
} as const satisfies Record<string, ErrorEntry>;

export type ErrorKind = keyof typeof errorCatalogue;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type ErrorParams<K extends ErrorKind> = {
  readonly [P in Placeholders<(typeof errorCatalogue)[K]['template']>]: string | number;
};

/** An error that reaches the client as Graph's `{"error": {...}}` envelope. */
export class GraphError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(kind: ErrorKind, message: string, headers: Record<string, string> = {}) {
    super(message);
    const { status, code } = errorCatalogue[kind];
    this.name = 'GraphError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function graphError<K extends ErrorKind>(
  kind: K,
  params: ErrorParams<K>,
  headers?: Record<string, string>,
): GraphError {
  const values = params as Record<string, string | number>;
  const message = errorCatalogue[kind].template.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name]),
  );

  return new GraphError(kind, message, headers);
}
