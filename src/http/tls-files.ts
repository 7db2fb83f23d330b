// The certificate and key the server offers over TLS: the operator's own files, or a local
// development CA and server certificate created once under <data>/tls/ and reused.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createCertificateAuthority, issueServerCertificate } from './tls-certificate.js';
import type { CertificateAuthority } from './tls-certificate.js';

export type TlsSetting =
  | { readonly kind: 'none' }
  | { readonly kind: 'files'; readonly certFile: string; readonly keyFile: string }
  | { readonly kind: 'self-signed' };

export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
  /** The development CA clients must trust; null for the operator's own certificate. */
  readonly caFile: string | null;
}

export const DEVELOPMENT_CA_NAME = 'drivergraph local development CA';
const dayMs = 86_400_000;

export async function loadTlsMaterial(
  setting: TlsSetting,
  options: { readonly dataDir: string; readonly hosts: readonly string[]; readonly now: Date },
): Promise<TlsMaterial | null> {
  switch (setting.kind) {
    case 'none':
      return null;
    case 'files':
      return {
        cert: await readFile(setting.certFile, 'utf8'),
        key: await readFile(setting.keyFile, 'utf8'),
        caFile: null,
      };
    case 'self-signed':
      return developmentCertificate(join(options.dataDir, 'tls'), options.hosts, options.now);
  }
}

/** The names a development certificate covers: loopback always, plus the ones given. */
export function certificateHosts(names: readonly (string | null)[]): string[] {
  const wildcard = ['0.0.0.0', '::', ''];
  const given = names
    .filter((name): name is string => name !== null && !wildcard.includes(name))
    .map((name) => name.replace(/^\[|\]$/g, '').toLowerCase());

  return [...new Set(['localhost', '127.0.0.1', '::1', ...given])];
}

async function developmentCertificate(
  folder: string,
  hosts: readonly string[],
  now: Date,
): Promise<TlsMaterial> {
  const files = {
    ca: join(folder, 'ca.pem'),
    caKey: join(folder, 'ca-key.pem'),
    cert: join(folder, 'server.pem'),
    key: join(folder, 'server-key.pem'),
  };
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);

  const ca =
    (await readAuthority(files.ca, files.caKey, now)) ??
    createCertificateAuthority(DEVELOPMENT_CA_NAME, now);
  await writeIfChanged(files.ca, ca.certificatePem, 0o644);
  await writeIfChanged(files.caKey, ca.privateKeyPem, 0o600);

  const existing = await readServerCertificate(files.cert, files.key);
  if (existing && serves(existing.cert, ca, hosts, now)) {
    return { cert: existing.cert, key: existing.key, caFile: files.ca };
  }

  // Reissued when it expires soon, covers too few names, or the CA was replaced.
  const issued = issueServerCertificate(ca, hosts, now);
  await writeFile(files.key, issued.privateKeyPem, { mode: 0o600 });
  await writeFile(files.cert, issued.certificatePem, { mode: 0o644 });

  return { cert: issued.certificatePem, key: issued.privateKeyPem, caFile: files.ca };
}

async function readAuthority(
  certFile: string,
  keyFile: string,
  now: Date,
): Promise<CertificateAuthority | null> {
  const certificatePem = await readIfPresent(certFile);
  const privateKeyPem = await readIfPresent(keyFile);
  if (certificatePem === null || privateKeyPem === null) return null;

  const certificate = new X509Certificate(certificatePem);
  if (Date.parse(certificate.validTo) < now.getTime() + 30 * dayMs) return null;

  const privateKey = createPrivateKey(privateKeyPem);

  return {
    certificatePem,
    privateKeyPem,
    privateKey,
    publicKey: createPublicKey(privateKey),
    name: DEVELOPMENT_CA_NAME,
  };
}

async function readServerCertificate(certFile: string, keyFile: string) {
  const cert = await readIfPresent(certFile);
  const key = await readIfPresent(keyFile);

  return cert !== null && key !== null ? { cert, key } : null;
}

function serves(pem: string, ca: CertificateAuthority, hosts: readonly string[], now: Date) {
  const certificate = new X509Certificate(pem);
  const caCertificate = new X509Certificate(ca.certificatePem);
  const covered = hosts.every((host) =>
    isIP(host) === 0
      ? certificate.checkHost(host) !== undefined
      : certificate.checkIP(host) !== undefined,
  );

  return (
    covered &&
    certificate.checkIssued(caCertificate) &&
    certificate.verify(ca.publicKey) &&
    Date.parse(certificate.validTo) > now.getTime() + dayMs
  );
}

async function writeIfChanged(file: string, contents: string, mode: number): Promise<void> {
  if ((await readIfPresent(file)) === contents) return;

  await writeFile(file, contents, { mode });
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
