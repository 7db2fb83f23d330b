// The few ASN.1 DER shapes an X.509 certificate is built from. Node's crypto signs and parses
// certificates but cannot create one, and these encoders are all that creation needs.

export type Der = Buffer;

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);

  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);

  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tagged(tag: number, content: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), lengthOf(content.length), content]);
}

export function sequence(...items: readonly Der[]): Der {
  return tagged(0x30, Buffer.concat(items));
}

export function set(...items: readonly Der[]): Der {
  return tagged(0x31, Buffer.concat(items));
}

/** A non-negative integer from its big-endian bytes. */
export function unsignedInteger(bytes: Buffer): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;

  const trimmed = bytes.subarray(start);
  // A leading 1 bit would make the value negative in two's complement.
  const content = trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;

  return tagged(0x02, content);
}

export function smallInteger(value: number): Der {
  return unsignedInteger(Buffer.from([value]));
}

export function boolean(value: boolean): Der {
  return tagged(0x01, Buffer.from([value ? 0xff : 0x00]));
}

export function nullValue(): Der {
  return Buffer.from([0x05, 0x00]);
}

export function objectIdentifier(dotted: string): Der {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...groups);
  }

  return tagged(0x06, Buffer.from(bytes));
}

export function utf8String(text: string): Der {
  return tagged(0x0c, Buffer.from(text, 'utf8'));
}

export function octetString(content: Buffer): Der {
  return tagged(0x04, content);
}

export function bitString(content: Buffer, unusedBits = 0): Der {
  return tagged(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 requires. */
export function time(date: Date): Der {
  const iso = date.toISOString();
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '');
  const year = date.getUTCFullYear();

  return year < 2050
    ? tagged(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii'))
    : tagged(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

export function explicit(tagNumber: number, content: Der): Der {
  return tagged(0xa0 | tagNumber, content);
}

export function implicitPrimitive(tagNumber: number, content: Buffer): Der {
  return tagged(0x80 | tagNumber, content);
}
