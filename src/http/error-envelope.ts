import { GraphError, graphError } from '../graph/errors.js';

export interface ErrorEnvelope {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly innerError: {
      readonly date: string;
      readonly 'request-id': string;
      readonly 'client-request-id': string;
    };
  };
}

export function errorEnvelope(
  error: GraphError,
  ids: { requestId: string; clientRequestId: string },
  now: Date,
): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: now.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

interface FrameworkError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
}

/**
 * Turns what Fastify or a handler threw into the Graph error a client should see. Anything not
 * recognised is an internal error: its details go to the log, never to the client.
 */
export function toGraphError(
  error: unknown,
  context: { requestId: string; bodyLimit: number },
): GraphError {
  if (error instanceof GraphError) return error;
  const fault = (error ?? {}) as FrameworkError;
  switch (fault.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return graphError('payloadTooLarge', { limit: context.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return graphError('unsupportedMediaType', { contentType: 'given' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return graphError('invalidRequest', { reason: 'The Content-Length header is wrong.' });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return graphError('invalidRequest', { reason: 'The request URL is malformed.' });
  }
  if (fault.statusCode === 400) {
    return graphError('invalidRequest', { reason: 'The request is malformed.' });
  }

  return graphError('internal', { requestId: context.requestId });
}
