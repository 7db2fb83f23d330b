// JSON bodies, parsed with messages a client can act on. An empty body is no body: Graph actions
// without parameters are sent that way by some clients and with `{}` by others.
import { graphError } from '../graph/errors.js';

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    throw graphError('malformedJson', { reason: reason.slice(0, 200) });
  }
}
