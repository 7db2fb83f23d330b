// Name-based UUIDs (RFC 9562 version 5: SHA-1 over a namespace and a name). Machines imported
// without a device id get one from their name, the same on every import.
import { createHash } from 'node:crypto';

/** The namespace drivergraph derives machine ids in; fixed forever, since ids must not move. */
export const MACHINE_NAMESPACE = '6d1f4f7e-2b8a-4c1e-9f0d-5a3c7e91b2d4';

export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();

  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;

  const hex = hash.subarray(0, 16).toString('hex');
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];

  return `${groups.join('-')}-${hex.slice(20)}`;
}

/** Windows computer names compare case-insensitively, so the name is upper-cased first. */
export function machineIdFromName(name: string): string {
  return nameBasedUuid(MACHINE_NAMESPACE, name.toUpperCase());
}
