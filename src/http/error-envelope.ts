import { GraphError, graphError } from '../graph/errors.js';
import { isStoreUnavailable } from '../store/store-unavailable.js';

// A lost database connection is replaced on the next checkout; two seconds are ample for a retry.
const unavailableRetryAfterSeconds = 2;

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
  context: { requestId: string; bodyLimit: number; contentType?: string | undefined },
): GraphError {
  if (error instanceof GraphError) return error;
  if (isStoreUnavailable(error)) {
    const retryAfter = unavailableRetryAfterSeconds;

    return graphError('unavailable', { retryAfter }, { 'retry-after': String(retryAfter) });
  }
  const fault = (error ?? {}) as FrameworkError;
  switch (fault.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return graphError('payloadTooLarge', { limit: context.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return graphError('unsupportedMediaType', {
        contentType: mediaTypeOf(context.contentType),
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return graphError('invalidRequest', { reason: 'The Content-Length header is wrong.' });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return graphError('invalidRequest', { reason: 'The request URL is malformed.' });
  }
  if (fault.statusCode === 400) {
    return graphError('invalidRequest', { reason: 'The request is malformed.' });
  }

  return graphError('internal', { requestId: context.requestId });
}

/** The media type as the client sent it, without parameters, safe to quote in a message. */
export function mediaTypeOf(header: string | undefined): string {
  const type = (header ?? '')
    .split(';')[0]!
    .trim()
    .replace(/[^\x21-\x7e]/g, '?');
  if (type === '') return 'none';

  return type.length > 100 ? `${type.slice(0, 100)}...` : type;
}
