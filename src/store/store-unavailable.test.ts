import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStoreUnavailable } from './store-unavailable.js';

function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

test('a backend terminated by the server means the store is unavailable', () => {
  const error = failure('terminating connection due to administrator command', '57P01');

  assert.equal(isStoreUnavailable(error), true);
});

test('connection exceptions, resets and a full pool mean the store is unavailable', () => {
  const errors = [
    failure('connection failure', '08006'),
    failure('connection does not exist', '08003'),
    failure('read ECONNRESET', 'ECONNRESET'),
    failure('Connection terminated unexpectedly'),
    failure('Client has encountered a connection error and is not queryable'),
    failure('timeout exceeded when trying to connect'),
    failure('database is locked', 'SQLITE_BUSY'),
  ];

  assert.deepEqual(
    errors.map((error) => isStoreUnavailable(error)),
    errors.map(() => true),
  );
});

test('a cause further down the chain is recognised', () => {
  const error = new Error('migration failed', { cause: failure('reset', 'ECONNRESET') });

  assert.equal(isStoreUnavailable(error), true);
});

test('errors in the request or the SQL are not unavailability', () => {
  const errors = [
    failure('duplicate key value violates unique constraint', '23505'),
    failure('syntax error at or near "selec"', '42601'),
    failure('UNIQUE constraint failed: profiles.id', 'SQLITE_CONSTRAINT_UNIQUE'),
    new TypeError('cannot read properties of undefined'),
    null,
    'a string',
  ];

  assert.deepEqual(
    errors.map((error) => isStoreUnavailable(error)),
    errors.map(() => false),
  );
});

test('a deadlock or serialization failure asks the client to retry rather than failing', () => {
  const errors = [
    failure('deadlock detected', '40P01'),
    failure('could not serialize access due to concurrent update', '40001'),
  ];

  assert.deepEqual(
    errors.map((error) => isStoreUnavailable(error)),
    [true, true],
  );
});
