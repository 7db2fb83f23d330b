import { Buffer, isAscii } from 'node:buffer';
import type { InfDocument, InfWarning } from './types.js';
import { InfReadError } from './inf-read-error.js';

export type InfEncoding = InfDocument['encoding'];

export interface DecodedInf {
  readonly text: string;
  readonly encoding: InfEncoding;
  readonly warnings: readonly InfWarning[];
}

interface Decoded {
  readonly text: string;
  readonly encoding: InfEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const windows1252 = new TextDecoder('windows-1252');

const BYTE_ORDER_MARK = 0xfeff;
const SURROGATE = /[\ud800-\udfff]/;

const BINARY_SHARE = 0.1;
// Like git, judge by the start of the file: binary files show it at once (executables, cabinets
// and images put controls in their first bytes), and scanning all of a large text file would
// cost more than reading it.
const BINARY_SAMPLE = 1024;

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and
// DEL. Text full of them is a binary file that happens to have been handed to us.
const CONTROL_CHARS = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  127,
].map((code) => String.fromCharCode(code));

function isControl(code: number): boolean {
  return code < 9 || (code > 13 && code < 32) || code === 127;
}

// One native search per control character finds none far faster than a regular expression
// or a loop looks at every character, in one-byte and two-byte strings alike.
function hasControls(text: string): boolean {
  for (const control of CONTROL_CHARS) {
    if (text.includes(control)) return true;
  }

  return false;
}

function countControls(text: string): number {
  let count = 0;

  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) count++;
  }

  return count;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));

  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] as number;
    swapped[i + 1] = bytes[i] as number;
  }

  return swapped;
}

// Node copies UTF-16 code units straight into a string, several times faster than
// TextDecoder converts them. Of whole code units, the two differ only on surrogates, which
// TextDecoder replaces when they are unpaired, so such text is left to TextDecoder; a second
// byte order mark at the start is dropped as TextDecoder drops it.
function decodeUtf16leBytes(bytes: Uint8Array): string {
  const text = asBuffer(bytes).toString('utf16le');

  if (SURROGATE.test(text)) return utf16le.decode(bytes);

  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}

// Without a byte order mark, UTF-16 shows itself by a zero in every other byte of ASCII text.
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);

  if (sample < 8) return null;

  let zeroEven = 0;
  let zeroOdd = 0;

  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }

  const pairs = sample / 2;

  if (zeroOdd > pairs * 0.9 && zeroEven < pairs * 0.1) return 'utf-16le';
  if (zeroEven > pairs * 0.9 && zeroOdd < pairs * 0.1) return 'utf-16be';

  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: InfWarning[]) {
  const whole = bytes.length - (bytes.length % 2);

  if (whole < bytes.length) {
    warnings.push({
      line: null,
      message: 'UTF-16 text has an odd number of bytes; last byte ignored',
    });
  }

  return encoding === 'utf-16le'
    ? decodeUtf16leBytes(bytes.subarray(0, whole))
    : decodeUtf16leBytes(swapBytePairs(bytes));
}

// ASCII reads the same in UTF-8 and Latin-1, and Node copies Latin-1 bytes straight into a
// string; only other text needs TextDecoder's validation.
function decodeSingleByteOrUtf8(bytes: Uint8Array): Decoded {
  if (isAscii(bytes)) return { text: asBuffer(bytes).toString('latin1'), encoding: 'utf-8' };

  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

// UTF-16 text without a byte order mark decodes as UTF-8 or Windows-1252 too, full of NULs;
// only text holding a NUL is looked at for it, which spares every other file the byte count.
function decodeByContent(bytes: Uint8Array, warnings: InfWarning[]): Decoded {
  const decoded = decodeSingleByteOrUtf8(bytes);
  const guessed = decoded.text.includes('\0') ? guessUtf16(bytes) : null;

  if (guessed === null) return decoded;

  warnings.push({
    line: null,
    message: `no byte order mark; read as ${guessed} by its zero bytes`,
  });

  return { text: decodeUtf16(bytes, guessed, warnings), encoding: guessed };
}

function decodeByBom(bytes: Uint8Array, warnings: InfWarning[]): Decoded | null {
  const b0 = bytes[0];
  const b1 = bytes[1];

  if (b0 === 0xff && b1 === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16le', warnings), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16be', warnings), encoding: 'utf-16be' };
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Lenient.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }

  return null;
}

function refuseBinary(text: string): void {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;

  if (sample.length < 16 || !hasControls(sample)) return;

  const controls = countControls(sample);

  if (controls > sample.length * BINARY_SHARE) {
    throw new InfReadError(
      `not an INF: ${controls} of the first ${sample.length} characters are controls`,
    );
  }
}

/** Turns INF bytes into text the way Windows' INF loader accepts them. */
export function decodeInfBytes(bytes: Uint8Array): DecodedInf {
  if (!(bytes instanceof Uint8Array)) throw new InfReadError('INF input must be bytes');

  const warnings: InfWarning[] = [];
  const decoded = decodeByBom(bytes, warnings) ?? decodeByContent(bytes, warnings);
  let text = decoded.text;

  refuseBinary(text);
  if (text.includes('\0')) {
    text = text.replaceAll('\0', '');
    warnings.push({ line: null, message: 'NUL characters in the text were ignored' });
  }

  return { text, encoding: decoded.encoding, warnings };
}
