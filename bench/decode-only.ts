// The floor INF reading is measured against: merely turning the bytes into text, by the
// fastest correct means Node offers for each file.
import { Buffer, isAscii } from 'node:buffer';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * UTF-16LE after its byte order mark and ASCII are copied into strings directly; other text
 * is strict UTF-8, or Windows-1252 when it is not UTF-8.
 */
export function decodeOnly(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return asBuffer(bytes).toString('utf16le', 2);
  if (isAscii(bytes)) return asBuffer(bytes).toString('latin1');

  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}
