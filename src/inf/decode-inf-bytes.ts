import type { InfDocument, InfWarning } from './types.js';
import { InfReadError } from './inf-read-error.js';

export type InfEncoding = InfDocument['encoding'];

export interface DecodedInf {
  readonly text: string;
  readonly encoding: InfEncoding;
  readonly warnings: readonly InfWarning[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const windows1252 = new TextDecoder('windows-1252');

const BINARY_SHARE = 0.1;
// Like git, judge by the start of the file: binary files show it at once, and scanning all of
// a large text file would cost more than reading it.
const BINARY_SAMPLE = 8192;

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and
// DEL. Text full of them is a binary file that happens to have been handed to us.
// Written as what it excludes: tab to carriage return, printable ASCII, and all above DEL.
const CONTROL = /[^\t-\r -~\x80-\uffff]/;
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
  if (!CONTROL.test(text)) return 0;

  let count = 0;

  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) count++;
  }

  return count;
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));

  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] as number;
    swapped[i + 1] = bytes[i] as number;
  }

  return swapped;
}

// Without a byte order mark, UTF-16 shows itself by a zero in every other byte of ASCII text.
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);

  if (sample < 8) return null;
  // Without a single zero byte neither half can be mostly zeros.
  if (!bytes.subarray(0, sample).includes(0)) return null;

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
  if (bytes.length % 2 !== 0) {
    warnings.push({
      line: null,
      message: 'UTF-16 text has an odd number of bytes; last byte ignored',
    });
  }

  return utf16le.decode(encoding === 'utf-16le' ? bytes : swapBytePairs(bytes));
}

function decodeByContent(bytes: Uint8Array, warnings: InfWarning[]) {
  const guessed = guessUtf16(bytes);

  if (guessed) {
    warnings.push({
      line: null,
      message: `no byte order mark; read as ${guessed} by its zero bytes`,
    });

    return { text: decodeUtf16(bytes, guessed, warnings), encoding: guessed };
  }

  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' as const };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' as const };
  }
}

function decodeByBom(bytes: Uint8Array, warnings: InfWarning[]) {
  const [b0, b1, b2] = bytes;

  if (b0 === 0xff && b1 === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16le', warnings), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16be', warnings), encoding: 'utf-16be' };
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: utf8Lenient.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }

  return null;
}

/** Turns INF bytes into text the way Windows' INF loader accepts them. */
export function decodeInfBytes(bytes: Uint8Array): DecodedInf {
  if (!(bytes instanceof Uint8Array)) throw new InfReadError('INF input must be bytes');

  const warnings: InfWarning[] = [];
  const decoded = decodeByBom(bytes, warnings) ?? decodeByContent(bytes, warnings);
  const sample = decoded.text.slice(0, BINARY_SAMPLE);
  const controls = hasControls(sample) ? countControls(sample) : 0;
  let text = decoded.text;

  if (sample.length >= 16 && controls > sample.length * BINARY_SHARE) {
    throw new InfReadError(
      `not an INF: ${controls} of the first ${sample.length} characters are controls`,
    );
  }
  if (text.includes('\0')) {
    text = text.replaceAll('\0', '');
    warnings.push({ line: null, message: 'NUL characters in the text were ignored' });
  }

  return { text, encoding: decoded.encoding as InfEncoding, warnings };
}
