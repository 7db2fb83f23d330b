import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { certificateHosts, loadTlsMaterial } from '../../src/http/tls-files.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('the development certificate', () => {
  test('is created once, signed by its own CA, for loopback and the names given', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-tls-'));
    try {
      const hosts = certificateHosts(['0.0.0.0', 'drivergraph.lan']);
      const first = await loadTlsMaterial({ kind: 'self-signed' }, { dataDir, hosts, now });
      const again = await loadTlsMaterial({ kind: 'self-signed' }, { dataDir, hosts, now });
      const ca = new X509Certificate(await readFile(first!.caFile!));
      const server = new X509Certificate(first!.cert);

      assert.deepEqual(hosts, ['localhost', '127.0.0.1', '::1', 'drivergraph.lan']);
      assert.equal(again!.cert, first!.cert, 'the certificate is reused');
      assert.ok(ca.ca && !server.ca);
      assert.ok(server.checkIssued(ca) && server.verify(ca.publicKey));
      assert.ok(server.checkHost('drivergraph.lan') && server.checkIP('::1'));
      assert.equal((await stat(join(dataDir, 'tls', 'server-key.pem'))).mode & 0o777, 0o600);
      assert.equal((await stat(join(dataDir, 'tls'))).mode & 0o777, 0o700);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('is reissued by the same CA when a name is missing or it nears expiry', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-tls-'));
    try {
      const first = await loadTlsMaterial(
        { kind: 'self-signed' },
        { dataDir, hosts: certificateHosts([]), now },
      );
      const wider = await loadTlsMaterial(
        { kind: 'self-signed' },
        { dataDir, hosts: certificateHosts(['other.lan']), now },
      );
      const later = new Date(now.getTime() + 400 * 86_400_000);
      const renewed = await loadTlsMaterial(
        { kind: 'self-signed' },
        { dataDir, hosts: certificateHosts(['other.lan']), now: later },
      );

      assert.notEqual(wider!.cert, first!.cert);
      assert.notEqual(renewed!.cert, wider!.cert);
      assert.ok(new X509Certificate(wider!.cert).checkHost('other.lan'));
      const ca = new X509Certificate(await readFile(first!.caFile!));
      assert.ok(new X509Certificate(renewed!.cert).checkIssued(ca), 'the same CA signs it');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
