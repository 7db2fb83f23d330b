import assert from 'node:assert/strict';
import { Duplex } from 'node:stream';
import { describe, test } from 'node:test';
import { answerClientError } from './client-error.js';

const now = new Date('2026-01-02T03:04:05Z');

function parserError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

// A socket that keeps what is written to it.
function socket(inFlight?: { headersSent: boolean }): { socket: Duplex; written: () => string } {
  const chunks: Buffer[] = [];
  const duplex = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  if (inFlight) Object.assign(duplex, { _httpMessage: inFlight });

  return { socket: duplex, written: () => Buffer.concat(chunks).toString('utf8') };
}

function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n');

  return { head, body: JSON.parse(body) as { error: { code: string; message: string } } };
}

describe('answerClientError', () => {
  test('a head over the limit gets 431 in Graph envelope, and the socket is closed', () => {
    const { socket: s, written } = socket();
    answerClientError(parserError('HPE_HEADER_OVERFLOW'), s, 100, now);
    const { head, body } = parse(written());
    const bodyBytes = Buffer.byteLength(written().split('\r\n\r\n')[1] ?? '');

    assert.match(head, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    assert.match(head, new RegExp(`\r\ncontent-length: ${bodyBytes}\r\n`));
    assert.equal(body.error.code, 'RequestHeaderFieldsTooLarge');
    assert.equal(body.error.message, 'The request line and headers exceed the limit of 100 bytes.');
    assert.ok(s.destroyed);
  });

  test('a slow client gets 408, and anything else the parser refuses 400', () => {
    const timeout = socket();
    const garbage = socket();
    answerClientError(parserError('ERR_HTTP_REQUEST_TIMEOUT'), timeout.socket, 100, now);
    answerClientError(parserError('HPE_INVALID_METHOD'), garbage.socket, 100, now);

    assert.equal(parse(timeout.written()).body.error.code, 'RequestTimeout');
    assert.match(parse(garbage.written()).head, /^HTTP\/1\.1 400 Bad Request/);
  });

  test('nothing is written into a response already under way, or to a reset connection', () => {
    const busy = socket({ headersSent: true });
    const reset = socket();
    answerClientError(parserError('HPE_INVALID_METHOD'), busy.socket, 100, now);
    answerClientError(parserError('ECONNRESET'), reset.socket, 100, now);

    assert.equal(busy.written(), '');
    assert.ok(busy.socket.destroyed);
    assert.equal(reset.written(), '');
  });
});
