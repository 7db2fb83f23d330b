import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InfReadError } from './inf-read-error.js';
import { readInf } from './read-inf.js';
import type { ReadInfOptions } from './read-inf.js';

const encoder = new TextEncoder();

function read(text: string, options?: ReadInfOptions) {
  return readInf(encoder.encode(text), options);
}

function utf16(text: string, byteOrder: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);

  bytes.set(byteOrder === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [first, second] =
      byteOrder === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];

    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }

  return bytes;
}

const MINIMAL = [
  '[Version]',
  'Signature="$Windows NT$"',
  'Class=System',
  'ClassGuid={4d36e97d-e325-11ce-bfc1-08002be10318}',
  'Provider=%Mfg%',
  'DriverVer=04/01/2024,1.2.3.4',
  '[Manufacturer]',
  '%Mfg%=Models,NTamd64',
  '[Models.NTamd64]',
  '%Desc%=Inst,PCI\\VEN_1234&DEV_5678,PCI\\CC_0300',
  '[Inst.NT]',
  '[Strings]',
  'Mfg="Contoso"',
  'Desc="Contoso Widget"',
].join('\r\n');

describe('readInf encodings', () => {
  test('UTF-16LE and UTF-16BE with a byte order mark read the same as UTF-8', () => {
    const expected = read(MINIMAL);

    for (const order of ['le', 'be'] as const) {
      const inf = readInf(utf16(MINIMAL, order));

      assert.equal(inf.encoding, `utf-16${order}`);
      assert.deepEqual(inf.models, expected.models);
      assert.equal(inf.provider, 'Contoso');
    }
  });

  test('UTF-8 with a byte order mark and without one give the same document', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(MINIMAL)]);

    assert.deepEqual(readInf(bom), read(MINIMAL));
  });

  test('bytes that are not valid UTF-8 are read as Windows-1252', () => {
    const bytes = encoder.encode(MINIMAL.replace('"Contoso"', '"Caf~"'));
    const index = bytes.indexOf('~'.charCodeAt(0));

    bytes[index] = 0xe9;

    const inf = readInf(bytes);

    assert.equal(inf.encoding, 'windows-1252');
    assert.equal(inf.provider, 'Café');
  });

  test('LF-only text and stray NULs read like clean CRLF text, with a warning for the NULs', () => {
    const inf = read(MINIMAL.replaceAll('\r\n', '\n').replace('Class=', 'Cl\0ass='));

    assert.equal(inf.class, 'System');
    assert.deepEqual(inf.models, read(MINIMAL).models);
    assert.ok(inf.warnings.some((warning) => warning.message.includes('NUL')));
  });

  test('UTF-16 beyond ASCII keeps surrogate pairs and replaces unpaired surrogates', () => {
    const text = MINIMAL.replace('"Contoso"', '"Caf\u00e9 \ud83d\ude80 \ud800!"');
    const inf = readInf(utf16(text, 'le'));

    assert.equal(inf.provider, 'Caf\u00e9 \ud83d\ude80 \ufffd!');
    assert.deepEqual(readInf(utf16(text, 'be')).provider, inf.provider);
  });

  test('a second byte order mark is dropped and an odd last byte is ignored with a warning', () => {
    const bytes = utf16(`\ufeff${MINIMAL}`, 'le');
    const odd = new Uint8Array([...bytes, 0x41]);

    assert.deepEqual(readInf(bytes).models, read(MINIMAL).models);
    assert.equal(readInf(odd).models.at(-1)?.description, 'Contoso Widget');
    assert.ok(readInf(odd).warnings.some((warning) => warning.message.includes('odd number')));
  });

  test('ASCII bytes in a Buffer or a view at an offset read as the same text', () => {
    const bytes = encoder.encode(`;;${MINIMAL}`);
    const view = bytes.subarray(2);

    assert.deepEqual(readInf(view), read(MINIMAL));
    assert.deepEqual(readInf(Buffer.from(view)), read(MINIMAL));
  });

  test('binary input is refused with InfReadError', () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 7) % 32);

    assert.throws(() => readInf(bytes), InfReadError);
  });
});

describe('readInf syntax', () => {
  test('section names are case-insensitive and repeated sections merge', () => {
    const inf = read(`${MINIMAL}\n[MODELS.ntamd64]\n%Desc%=Inst,USB\\VID_0001&PID_0002\n`);

    assert.deepEqual(
      inf.models.map((model) => model.hardwareId),
      ['PCI\\VEN_1234&DEV_5678', 'USB\\VID_0001&PID_0002'],
    );
  });

  test('a semicolon starts a comment outside quotes but not inside them', () => {
    const inf = read(MINIMAL.replace('Mfg="Contoso"', 'Mfg="Contoso; Ltd" ; the maker'));

    assert.equal(inf.provider, 'Contoso; Ltd');
  });

  test('a trailing backslash continues the line, but not inside a comment', () => {
    const continued = MINIMAL.replace(
      '%Desc%=Inst,PCI\\VEN_1234&DEV_5678,PCI\\CC_0300',
      '%Desc%=Inst, \\\r\n  PCI\\VEN_1234&DEV_5678, \\\r\n  PCI\\CC_0300',
    );
    const commented = MINIMAL.replace('Class=System', 'Class=System ; see C:\\docs\\');

    assert.deepEqual(read(continued).models, read(MINIMAL).models);
    assert.equal(read(commented).class, 'System');
    assert.equal(read(commented).classGuid, '{4d36e97d-e325-11ce-bfc1-08002be10318}');
  });

  test('quoted strings keep commas and read "" as one quote', () => {
    const inf = read(MINIMAL.replace('Mfg="Contoso"', 'Mfg="Contoso ""West"", Inc."'));

    assert.equal(inf.provider, 'Contoso "West", Inc.');
  });

  test('%% is a percent sign and an unknown token stays as written with a warning', () => {
    const inf = read(MINIMAL.replace('Provider=%Mfg%', 'Provider=100%% %Missing%'));
    const strings = read(MINIMAL.replace('Desc="Contoso Widget"', 'Desc="100%% %Missing%"'));
    const warning = inf.warnings.find((w) => w.message.includes('%Missing%'));

    assert.equal(inf.provider, '100% %Missing%');
    assert.equal(warning?.line, 5);
    assert.equal(strings.models[0]?.description, '100% %Missing%');
  });

  test('localized strings are chosen by locale, falling back to neutral and then 0409', () => {
    const text = MINIMAL.replace('Mfg="Contoso"\r\n', '').concat(
      '\r\n[Strings.0409]\r\nMfg="Contoso US"\r\n[Strings.0407]\r\nMfg="Contoso DE"\r\n',
    );

    assert.equal(read(text).provider, 'Contoso US');
    assert.equal(read(text, { locale: '0407' }).provider, 'Contoso DE');
    assert.equal(read(text, { locale: '0407' }).models[0]?.description, 'Contoso Widget');
    assert.equal(read(MINIMAL.concat('\r\n[Strings.0409]\r\nMfg="US"')).provider, 'Contoso');
  });
});

describe('readInf [Version]', () => {
  const withDriverVer = (value: string) => read(MINIMAL.replace('04/01/2024,1.2.3.4', value));

  test('DriverVer forms seen in real INFs are normalised, short versions with a warning', () => {
    const cases: [string, string | null, string | null][] = [
      ['5/3/2011,1.0.0.0', '2011-05-03', '1.0.0.0'],
      ['08/29/2023, 1.00.0000', '2023-08-29', '1.0.0.0'],
      ['01/18/2017,1.1', '2017-01-18', '1.1.0.0'],
      ['09/05/2018, 1.01.01.0001 ; stamped later', '2018-09-05', '1.1.1.1'],
      ['', null, null],
      ['WILL_BE_FIXED_UP_BY_STAMPINF', null, null],
      ['02/30/2020,1.0.0.0', null, '1.0.0.0'],
      ['01/01/2020,1.70000.0.0', '2020-01-01', null],
    ];

    for (const [value, date, version] of cases) {
      const inf = withDriverVer(value);

      assert.deepEqual(inf.driverVer, { date, version }, value);
    }

    assert.ok(withDriverVer('01/18/2017,1.1').warnings.some((w) => w.line === 6));
  });

  test('catalog files, extension id, PnpLockdown and package type are read', () => {
    const inf = read(
      MINIMAL.replace(
        'Provider=%Mfg%',
        [
          'Provider=%Mfg%',
          'CatalogFile=widget.cat',
          'CatalogFile.NTamd64=widget64.cat',
          'ExtensionId={11111111-2222-3333-4444-555555555555}',
          'PnpLockdown=1',
          'DriverPackageType=PlugAndPlay',
        ].join('\r\n'),
      ),
    );

    assert.deepEqual(inf.catalogFiles, [
      { platform: null, file: 'widget.cat' },
      { platform: 'ntamd64', file: 'widget64.cat' },
    ]);
    assert.equal(inf.extensionId, '{11111111-2222-3333-4444-555555555555}');
    assert.equal(inf.pnpLockdown, true);
    assert.equal(inf.driverPackageType, 'PlugAndPlay');
    assert.equal(inf.deployable, true);
  });
});

describe('readInf [Manufacturer] and models', () => {
  const manufacturer = (entry: string, sections: string[]) =>
    read(
      MINIMAL.replace('%Mfg%=Models,NTamd64', entry).replace(
        '[Models.NTamd64]\r\n%Desc%=Inst,PCI\\VEN_1234&DEV_5678,PCI\\CC_0300',
        sections.map((name) => `[${name}]\r\n%Desc%=Inst,PCI\\VEN_1234&DEV_5678`).join('\r\n'),
      ),
    );

  test('every decoration form resolves to its decorated models section', () => {
    const inf = manufacturer(
      '%Mfg%=Models,NTarm64.10.0...16299,NTx86.6.1.0x1.0x110,NT,NTamd64.10.',
      [
        'Models.NTarm64.10.0...16299',
        'Models.NTx86.6.1.0x1.0x110',
        'Models.NT',
        'Models.NTamd64.10.',
      ],
    );

    assert.deepEqual(
      inf.models.map((model) => [model.section, model.platform]),
      [
        [
          'Models.NTarm64.10.0...16299',
          {
            architecture: 'arm64',
            osMajor: 10,
            osMinor: 0,
            productType: null,
            suiteMask: null,
            build: 16299,
          },
        ],
        [
          'Models.NTx86.6.1.0x1.0x110',
          {
            architecture: 'x86',
            osMajor: 6,
            osMinor: 1,
            productType: 1,
            suiteMask: 0x110,
            build: null,
          },
        ],
        [
          'Models.NT',
          {
            architecture: null,
            osMajor: null,
            osMinor: null,
            productType: null,
            suiteMask: null,
            build: null,
          },
        ],
        [
          'Models.NTamd64.10.',
          {
            architecture: 'amd64',
            osMajor: 10,
            osMinor: null,
            productType: null,
            suiteMask: null,
            build: null,
          },
        ],
      ],
    );
  });

  test('an undecorated entry uses the plain section and a bare name is its own section', () => {
    const plain = manufacturer('%Mfg%=Models', ['Models']);
    const bare = manufacturer('Models', ['Models']);

    assert.equal(plain.models[0]?.section, 'Models');
    assert.equal(plain.models[0]?.platform.architecture, null);
    assert.equal(bare.models[0]?.manufacturer, 'Models');
  });

  test('a listed section that does not exist is a warning on the [Manufacturer] line', () => {
    const inf = manufacturer('%Mfg%=Models,NTamd64,NTarm64', ['Models.NTamd64']);

    assert.deepEqual(
      inf.warnings.filter((w) => w.message.includes('missing')),
      [{ line: 8, message: 'models section [Models.NTarm64] is missing' }],
    );
  });

  test('FeatureScore and DriverVer come from the most specific install section', () => {
    const inf = read(
      MINIMAL.replace(
        '[Inst.NT]',
        [
          '[Inst.NT]',
          'FeatureScore=FE',
          '[Inst.NTamd64]',
          'FeatureScore=0xF8',
          'DriverVer=05/01/2024,1.2.3.5',
        ].join('\r\n'),
      ),
    );

    assert.equal(inf.models[0]?.featureScore, 0xf8);
    assert.deepEqual(inf.models[0]?.driverVer, { date: '2024-05-01', version: '1.2.3.5' });
    assert.deepEqual(inf.models[0]?.compatibleIds, ['PCI\\CC_0300']);
  });
});

describe('readInf templates and kinds', () => {
  const stamped = MINIMAL.replaceAll('NTamd64', 'NT$ARCH$');

  test('$ARCH$ is unresolved until an architecture stamps it', () => {
    const raw = read(stamped);
    const amd64 = read(stamped, { arch: 'amd64' });

    assert.deepEqual(raw.unresolvedTemplates, ['$ARCH$']);
    assert.equal(raw.deployable, false);
    assert.deepEqual(amd64.unresolvedTemplates, []);
    assert.equal(amd64.models[0]?.section, 'Models.NTamd64');
    assert.equal(amd64.deployable, true);
  });

  test('#TOKEN# and @TOKEN@ markers are listed, ignored in comments, and block deployment', () => {
    const inf = read(
      MINIMAL.replace('1.2.3.4', '@MAJOR@.0.0.0').replace('Contoso Widget', '#NAME#') +
        '\r\n; @NOT_THIS@ #NOR_THIS#',
    );

    assert.deepEqual(inf.unresolvedTemplates, ['@MAJOR@', '#NAME#']);
    assert.equal(inf.deployable, false);
    assert.equal(inf.kind, 'driver');
  });

  test('non-driver INFs are recognised and explained', () => {
    const cases: [string, string][] = [
      ['[AutoRun]\nopen=setup.exe\n', 'autorun'],
      [
        '[Version]\nSignature="$CHICAGO$"\nAdvancedINF=2.0\n[Add.Code]\nctl.ocx=ctl.ocx\n',
        'ie-cab',
      ],
      [
        '[Defines]\nINF_VERSION = 0x00010005\nBASE_NAME = Shell\n[Sources]\nShell.c\n',
        'edk2-module',
      ],
      [
        '[Version]\nSignature="$CHICAGO$"\nClass=Net\n[Manufacturer]\nX=X\n[X]\nA=I,ID\n[I]\n',
        'windows9x',
      ],
      [
        '[Version]\nSignature="$Windows NT$"\nClass=ActivityMonitor\nDriverVer=1/1/2020,1.0\n',
        'no-models',
      ],
      ['just some text\n', 'unknown'],
    ];

    for (const [text, kind] of cases) {
      const inf = read(text);

      assert.equal(inf.kind, kind, text);
      assert.ok(inf.kindReason && inf.kindReason.length > 10, text);
      assert.equal(inf.deployable, false, text);
    }
  });
});

describe('readInf quoting details', () => {
  test('spaces inside quotes are kept while spaces around fields are trimmed', () => {
    const inf = read(MINIMAL.replace('Desc="Contoso Widget"', 'Desc= " padded "  '));
    const quoted = read(MINIMAL.replace('Provider=%Mfg%', 'Provider = "A""B"" " , ignored'));

    assert.equal(inf.models[0]?.description, ' padded ');
    assert.equal(quoted.provider, 'A"B" , ignored');
  });
});
