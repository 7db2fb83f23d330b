import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stampInfBytes } from './stamp-inf-bytes.js';

describe('stampInfBytes', () => {
  test('replaces every $ARCH$ in single-byte text', () => {
    const stamped = stampInfBytes(Buffer.from('a=NT$ARCH$\r\n[M.NT$ARCH$]'), 'utf-8', 'arm64');

    assert.equal(Buffer.from(stamped).toString('latin1'), 'a=NTarm64\r\n[M.NTarm64]');
  });

  test('keeps UTF-16LE text in UTF-16LE, byte order mark included', () => {
    const source = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x=$ARCH$;', 'utf16le')]);
    const stamped = Buffer.from(stampInfBytes(source, 'utf-16le', 'amd64'));

    assert.deepEqual([...stamped.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(stamped.subarray(2).toString('utf16le'), 'x=amd64;');
  });

  test('stamps UTF-16BE text in big-endian order', () => {
    const source = Buffer.from('$ARCH$', 'utf16le').swap16();
    const stamped = Buffer.from(stampInfBytes(source, 'utf-16be', 'x86'));

    assert.equal(Buffer.from(stamped).swap16().toString('utf16le'), 'x86');
  });

  test('ignores a UTF-16 match that would start in the middle of a character', () => {
    // One stray byte shifts `$ARCH$` off the character grid: it is not that text.
    const source = Buffer.concat([Buffer.from([0x41]), Buffer.from('$ARCH$', 'utf16le')]);

    assert.deepEqual(Buffer.from(stampInfBytes(source, 'utf-16le', 'x86')), source);
  });

  test('returns the bytes unchanged when there is no template', () => {
    const source = Buffer.from('[Version]\r\nSignature="$Windows NT$"');

    assert.deepEqual(Buffer.from(stampInfBytes(source, 'windows-1252', 'amd64')), source);
  });
});
