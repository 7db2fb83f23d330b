// stampinf writes a new INF with `$ARCH$` replaced, in the encoding of the original. Doing the
// same to the bytes gives a template package the identity of the INF that would be deployed,
// so each architecture stamped from one template is a package of its own.
import type { Architecture, InfDocument } from '../inf/types.js';

const ARCH_TEMPLATE = '$ARCH$';

function encode(text: string, encoding: InfDocument['encoding']): Buffer {
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();

  // UTF-8 and windows-1252 both write ASCII as itself, and both texts here are ASCII.
  return Buffer.from(text, 'latin1');
}

/** The INF's bytes with every `$ARCH$` replaced by the architecture. */
export function stampInfBytes(
  bytes: Uint8Array,
  encoding: InfDocument['encoding'],
  arch: Architecture,
): Uint8Array {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const template = encode(ARCH_TEMPLATE, encoding);
  const replacement = encode(arch, encoding);
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  const parts: Buffer[] = [];
  let copied = 0;
  let at = source.indexOf(template);

  while (at !== -1) {
    // In UTF-16 a match that starts mid-character is not the text `$ARCH$`.
    if (at % unit === 0) {
      parts.push(source.subarray(copied, at), replacement);
      copied = at + template.length;
    }
    at = source.indexOf(template, at % unit === 0 ? at + template.length : at + 1);
  }

  parts.push(source.subarray(copied));

  return new Uint8Array(Buffer.concat(parts));
}
