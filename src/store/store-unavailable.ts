// Recognises errors that mean "the database cannot be reached right now" rather than "this
// request is wrong": the client should retry shortly, and the service should carry on, because
// the pool replaces a lost connection on the next checkout.

// PostgreSQL SQLSTATEs: class 08 (connection exception), administrator or crash shutdown,
// starting up, too many connections; and deadlock or serialization failure, where the database
// rolled the transaction back whole and the same request succeeds when sent again.
const unavailableStates = /^(08...|57P0[123]|53300|40P01|40001)$/;
const socketCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// The pg client reports a dead or closed connection with a message and no code.
const lostConnectionMessages = [
  /^connection terminated/i,
  /is not queryable$/i,
  /^timeout exceeded when trying to connect$/i,
];

interface ErrorShape {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message, cause } = current as ErrorShape;
    if (typeof code === 'string' && matchesCode(code)) return true;
    if (typeof message === 'string' && lostConnectionMessages.some((m) => m.test(message))) {
      return true;
    }
    current = cause;
  }

  return false;
}

function matchesCode(code: string): boolean {
  // SQLite's busy timeout ran out: another process holds the write lock for too long.
  if (code.startsWith('SQLITE_BUSY')) return true;

  return unavailableStates.test(code) || socketCodes.has(code);
}
