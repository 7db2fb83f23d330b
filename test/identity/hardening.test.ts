// What a network-facing server promises on every answer: no caching, no sniffing, bounded
// headers and bodies, validated client-request-ids, and logs that never hold a token.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startService, type RunningService } from '../../src/app.js';
import { resolveServeSettings } from '../../src/config/serve-settings.js';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL,
  loadOrCreateSigningKeys,
  mintToken,
} from '../../src/identity/index.js';
import { createLogger } from '../../src/logger.js';
import { tenantA } from '../support/service.js';

const profiles = '/beta/deviceManagement/windowsDriverUpdateProfiles';

type ErrorBody = { error: { code: string; message: string } };

let dataDir: string;
let service: RunningService;
let writer: string;
let reader: string;
const logLines: string[] = [];

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-hardening-'));
  const settings = resolveServeSettings({ port: 0, data: dataDir, bodyLimit: 4096 }, dataDir);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  service = await startService(settings, createLogger('info', sink), { worker: { pollMs: 20 } });
  const ring = await loadOrCreateSigningKeys(dataDir);
  const mint = (scopes: string[]) =>
    mintToken(ring, {
      publicUrl: service.url,
      tenantId: tenantA,
      scopes,
      lifetimeSeconds: 600,
      now: new Date(),
    });
  writer = await mint(['DeviceManagementConfiguration.ReadWrite.All']);
  reader = await mint([DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL]);
});

after(async () => {
  await service.close();
  await rm(dataDir, { recursive: true, force: true });
});

function send(
  method: string,
  path: string,
  options: { token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';

  return fetch(`${service.url}${path}`, { method, headers, body: options.body });
}

describe('every kind of response', () => {
  test('carries Cache-Control: no-store and X-Content-Type-Options: nosniff', async () => {
    const created = await send('POST', profiles, {
      token: writer,
      body: JSON.stringify({ displayName: 'H', approvalType: 'manual' }),
    });
    const id = ((await created.clone().json()) as { id: string }).id;
    const responses: [string, Response][] = [
      ['201 created', created],
      ['200 entity', await send('GET', `${profiles}/${id}`, { token: writer })],
      ['200 count', await send('GET', `${profiles}/$count`, { token: writer })],
      ['204 action', await send('POST', `${profiles}/${id}/syncInventory`, { token: writer })],
      ['401 no token', await send('GET', profiles)],
      ['403 read-only', await send('DELETE', `${profiles}/${id}`, { token: reader })],
      [
        '404 unknown',
        await send('GET', `${profiles}/00000000-0000-4000-8000-000000000000`, { token: writer }),
      ],
      ['405 method', await send('PUT', profiles, { token: writer, body: '{}' })],
      [
        '413 body',
        await send('POST', profiles, {
          token: writer,
          body: JSON.stringify({ displayName: 'x'.repeat(8000) }),
        }),
      ],
      ['200 discovery', await send('GET', `/${tenantA}/v2.0/.well-known/openid-configuration`)],
      ['200 keys', await send('GET', `/${tenantA}/discovery/v2.0/keys`)],
      [
        '400 token error',
        await send('POST', `/${tenantA}/oauth2/v2.0/token`, {
          body: 'grant_type=client_credentials',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      ],
    ];

    for (const [kind, response] of responses) {
      assert.equal(response.headers.get('cache-control'), 'no-store', kind);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', kind);
      assert.ok(response.headers.get('request-id'), kind);
      await response.arrayBuffer();
    }
    assert.deepEqual(
      responses.map(([, response]) => response.status),
      [201, 200, 200, 204, 401, 403, 404, 405, 413, 200, 200, 400],
    );
  });
});

describe('request size limits', () => {
  type RawAnswer = { status: number; headers: Record<string, unknown>; body: string } | 'closed';

  // Node answers 431 and closes; a client still writing may see the close first.
  function rawAnswer(headers: Record<string, string>): Promise<RawAnswer> {
    const url = new URL(`${service.url}${profiles}`);

    return new Promise((resolve, reject) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        ['ECONNRESET', 'EPIPE'].includes(error.code ?? '') || /hang up/.test(error.message)
          ? resolve('closed')
          : reject(error),
      );
      request.end();
    });
  }

  function assertGraphRefusal(answer: RawAnswer, status: number, code: string): void {
    if (answer === 'closed') return;
    assert.equal(answer.status, status);
    assert.equal(answer.headers['connection'], 'close');
    assert.ok(answer.headers['request-id']);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    const body = JSON.parse(answer.body) as { error: { code: string; innerError: object } };
    assert.equal(body.error.code, code);
    assert.ok('request-id' in body.error.innerError);
  }

  test('refuse a request head over the header limit with 431 before it is read', async () => {
    const answer = await rawAnswer({ 'x-filler': 'a'.repeat(40 * 1024) });
    assertGraphRefusal(answer, 431, 'RequestHeaderFieldsTooLarge');
  });

  test('refuse a 100 KB token at the door, and a 20 KB one as an invalid token', async () => {
    const huge = await rawAnswer({ authorization: `Bearer ${'a'.repeat(100 * 1024)}` });
    assertGraphRefusal(huge, 431, 'RequestHeaderFieldsTooLarge');

    const response = await send('GET', profiles, { token: 'a'.repeat(20 * 1024) });
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(response.status, 401);
    assert.equal(body.error.code, 'InvalidAuthenticationToken');
    assert.match(body.error.message, /longer than 16384/);
  });

  test('answer bytes that are not HTTP with a Graph 400 and close', async () => {
    const url = new URL(service.url);
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    await once(socket, 'close');
    const text = Buffer.concat(chunks).toString('utf8');
    const [head = '', body = ''] = text.split('\r\n\r\n');

    assert.match(head, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.match(head, /\r\nconnection: close(\r\n|$)/);
    assert.match(head, new RegExp(`\r\ncontent-length: ${Buffer.byteLength(body)}(\r\n|$)`));
    const parsed = JSON.parse(body) as { error: { code: string; message: string } };
    assert.equal(parsed.error.code, 'BadRequest');
    assert.equal(parsed.error.message, 'The request is not valid HTTP.');
  });
});

describe('bodies and heads the service cannot read', () => {
  async function profileCount(): Promise<number> {
    const response = await send('GET', `${profiles}/$count`, { token: reader });

    return Number(await response.text());
  }

  // A raw exchange, for requests fetch will not send; each asks the server to close after it.
  async function exchange(raw: string): Promise<{ head: string; body: string }> {
    const url = new URL(service.url);
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(raw);
    await once(socket, 'close');
    const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');

    return { head, body };
  }

  test('a compressed body or JSON in another charset is refused with 415, and nothing is made', async () => {
    const before = await profileCount();
    const body = JSON.stringify({ displayName: 'E', approvalType: 'manual' });
    const gzip = await send('POST', profiles, {
      token: writer,
      body,
      headers: { 'content-encoding': 'gzip' },
    });
    const utf16 = await send('POST', profiles, {
      token: writer,
      body,
      headers: { 'content-type': 'application/json; charset=utf-16' },
    });
    const utf8 = await send('POST', profiles, {
      token: writer,
      body,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });

    assert.equal(gzip.status, 415);
    assert.match(((await gzip.json()) as ErrorBody).error.message, /encoding 'gzip'/);
    assert.equal(utf16.status, 415);
    assert.match(((await utf16.json()) as ErrorBody).error.message, /charset 'utf-16'/);
    assert.equal(utf8.status, 201);
    await utf8.arrayBuffer();
    assert.equal(await profileCount(), before + 1);
  });

  test('an HTTP/1.1 request without Host gets a Graph 400; HTTP/1.0 needs none', async () => {
    const auth = `authorization: Bearer ${reader}\r\n`;
    const http11 = await exchange(`GET ${profiles} HTTP/1.1\r\n${auth}connection: close\r\n\r\n`);
    const http10 = await exchange(`GET ${profiles} HTTP/1.0\r\n${auth}\r\n`);

    assert.match(http11.head, /^HTTP\/1\.1 400 /);
    assert.match(http11.head, /\r\nrequest-id: /);
    assert.match((JSON.parse(http11.body) as ErrorBody).error.message, /needs a Host header/);
    assert.match(http10.head, /^HTTP\/1\.1 200 /);
  });
});

describe('client-request-id', () => {
  test('is echoed when it is a plain identifier', async () => {
    const id = '{8f0a3c2e-1b4d-4e6f-9a7b-0c1d2e3f4a5b}';
    const response = await send('GET', profiles, {
      token: writer,
      headers: { 'client-request-id': id },
    });

    assert.equal(response.headers.get('client-request-id'), id);
  });

  test('is replaced by the request id when it could smuggle content', async () => {
    for (const hostile of ['a b', 'x'.repeat(200), '<script>', 'id"}\\n{"level":60']) {
      const response = await send('GET', profiles, {
        token: writer,
        headers: { 'client-request-id': hostile },
      });

      assert.equal(response.headers.get('client-request-id'), response.headers.get('request-id'));
    }
  });
});

describe('failed authentication', () => {
  test('is logged with its reason and never with the token', async () => {
    const forged = `${writer.slice(0, -8)}AAAAAAAA`;
    await (await send('GET', profiles, { token: forged })).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refusals = logLines.filter((line) => line.includes('authentication refused'));

    assert.ok(refusals.length > 0, 'the refusal is logged');
    for (const line of logLines) {
      for (const part of forged.split('.'))
        assert.ok(!line.includes(part), 'a log line holds the token');
    }
    assert.match(refusals.at(-1)!, /signature/);
  });
});
