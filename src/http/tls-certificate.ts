// A local development certificate authority and the server certificates it issues, built with
// node:crypto and a small DER encoder. ECDSA P-256 keys: fast to create, accepted everywhere.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import {
  bitString,
  boolean,
  explicit,
  implicitPrimitive,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
  type Der,
} from './tls-der.js';

const ecdsaWithSha256 = '1.2.840.10045.4.3.2';
const commonName = '2.5.4.3';
const organization = '2.5.4.10';
const oids = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;
const dayMs = 86_400_000;

export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

export interface CertificateAuthority extends IssuedCertificate {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly name: string;
}

export function createCertificateAuthority(name: string, now: Date): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyId = keyIdentifier(publicKey);
  const extensions = [
    extension(oids.basicConstraints, true, sequence(boolean(true), smallInteger(0))),
    // keyCertSign and cRLSign: bits 5 and 6 of the KeyUsage bit string.
    extension(oids.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
    extension(oids.subjectKeyIdentifier, false, octetString(keyId)),
  ];
  const certificate = signCertificate({
    issuer: distinguishedName(name),
    subject: distinguishedName(name),
    notBefore: new Date(now.getTime() - dayMs),
    notAfter: new Date(now.getTime() + 3650 * dayMs),
    publicKey,
    extensions,
    signer: privateKey,
  });

  return {
    certificatePem: toPem('CERTIFICATE', certificate),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    privateKey,
    publicKey,
    name,
  };
}

/** A TLS server certificate for the given DNS names and IP addresses, signed by the CA. */
export function issueServerCertificate(
  ca: CertificateAuthority,
  hosts: readonly string[],
  now: Date,
  validDays = 397,
): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const extensions = [
    extension(oids.basicConstraints, true, sequence()),
    // digitalSignature: bit 0.
    extension(oids.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
    extension(oids.extendedKeyUsage, false, sequence(objectIdentifier(oids.serverAuth))),
    extension(oids.subjectAltName, false, sequence(...hosts.map(generalName))),
    extension(oids.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
    extension(
      oids.authorityKeyIdentifier,
      false,
      sequence(implicitPrimitive(0, keyIdentifier(ca.publicKey))),
    ),
  ];
  const certificate = signCertificate({
    issuer: distinguishedName(ca.name),
    subject: distinguishedName(hosts[0] ?? 'localhost'),
    notBefore: new Date(now.getTime() - dayMs),
    notAfter: new Date(now.getTime() + validDays * dayMs),
    publicKey,
    extensions,
    signer: ca.privateKey,
  });

  return {
    certificatePem: toPem('CERTIFICATE', certificate),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

interface CertificateFields {
  readonly issuer: Der;
  readonly subject: Der;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: KeyObject;
  readonly extensions: readonly Der[];
  readonly signer: KeyObject;
}

function signCertificate(fields: CertificateFields): Der {
  const algorithm = sequence(objectIdentifier(ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    fields.issuer,
    sequence(time(fields.notBefore), time(fields.notAfter)),
    fields.subject,
    fields.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...fields.extensions)),
  );
  const signature = sign('sha256', tbs, fields.signer);

  return sequence(tbs, algorithm, bitString(signature));
}

function distinguishedName(name: string): Der {
  return sequence(
    set(sequence(objectIdentifier(organization), utf8String('drivergraph development'))),
    set(sequence(objectIdentifier(commonName), utf8String(name))),
  );
}

function extension(oid: string, critical: boolean, value: Der): Der {
  return critical
    ? sequence(objectIdentifier(oid), boolean(true), octetString(value))
    : sequence(objectIdentifier(oid), octetString(value));
}

function generalName(host: string): Der {
  const family = isIP(host);
  if (family === 0) return implicitPrimitive(2, Buffer.from(host, 'ascii'));

  return implicitPrimitive(7, family === 4 ? ipv4Bytes(host) : ipv6Bytes(host));
}

function ipv4Bytes(address: string): Buffer {
  return Buffer.from(address.split('.').map(Number));
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));

  return bytes;
}

// RFC 5280's first method: SHA-1 over the subject public key bits.
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // For P-256 the key bits are the last 65 bytes of the SubjectPublicKeyInfo.
  const keyBits = spki.subarray(spki.length - 65);

  return createHash('sha1').update(keyBits).digest();
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];

  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
