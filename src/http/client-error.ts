// Node's HTTP parser refuses some requests before Fastify sees them: a head over the header
// limit, bytes that are not HTTP, a client too slow to finish. No request or reply exists then,
// so the answer is written to the socket by hand, still in Graph's envelope and headers.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphError } from '../graph/errors.js';
import { graphError } from '../graph/errors.js';
import { errorEnvelope } from './error-envelope.js';

/** The Graph error for what the parser reported; `maxHeaderBytes` is the limit in force. */
export function clientErrorOf(code: string | undefined, maxHeaderBytes: number): GraphError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return graphError('headersTooLarge', { limit: maxHeaderBytes });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return graphError('requestTimeout', {});
    default:
      return graphError('invalidRequest', { reason: 'The request is not valid HTTP.' });
  }
}

/** The whole HTTP/1.1 response, head and body, for a request the parser refused. */
export function clientErrorResponse(error: GraphError, now: Date): string {
  const requestId = randomUUID();
  const ids = { requestId, clientRequestId: requestId };
  const body = JSON.stringify(errorEnvelope(error, ids, now));
  const head = [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
    'content-type: application/json; odata.metadata=minimal; charset=utf-8',
    'odata-version: 4.0',
    `request-id: ${requestId}`,
    `client-request-id: ${requestId}`,
    'cache-control: no-store',
    'x-content-type-options: nosniff',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];

  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

// Node hangs the response it is writing on the socket (a pipelined request can fail to parse
// while the one before it is answered). An answer written into the middle of that response would
// corrupt it, so then the connection is only closed, as Node's own handler does.
function answerStarted(socket: Duplex): boolean {
  const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;

  return current?.headersSent === true;
}

/**
 * Answers a refused request and closes its connection, as Node itself does: the short answer
 * leaves in one write before the close. A connection the client reset, or one already gone,
 * gets nothing: no one is left to read it.
 */
export function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  maxHeaderBytes: number,
  now: Date,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable && !answerStarted(socket)) {
    socket.write(clientErrorResponse(clientErrorOf(error.code, maxHeaderBytes), now));
  }
  socket.destroy();
}
