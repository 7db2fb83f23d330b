// Graph echoes the caller's client-request-id; a value that could smuggle header or log content
// is replaced by the server's own request id instead of being echoed.
const clientRequestIdPattern = /^[A-Za-z0-9._:{}-]{1,128}$/;

export function acceptedClientRequestId(header: unknown, requestId: string): string {
  return typeof header === 'string' && clientRequestIdPattern.test(header) ? header : requestId;
}
