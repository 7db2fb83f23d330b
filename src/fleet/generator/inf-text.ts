// Writes INF text for generated driver packages: base drivers, extension INFs and firmware
// INFs, in the layout real packages use, so the catalog exercises the same reader as real files.

export interface InfLine {
  readonly description: string;
  readonly hardwareId: string;
  readonly compatibleIds?: readonly string[];
}

export interface InfSpec {
  readonly kind: 'driver' | 'extension' | 'firmware';
  readonly provider: string;
  readonly manufacturer: string;
  readonly infClass: string;
  readonly classGuid: string;
  readonly extensionId: string | null;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly version: string;
  readonly fileBase: string;
  /** `[Manufacturer]` decorations such as `NTamd64.10.0...19041`. */
  readonly decorations: readonly string[];
  readonly lines: readonly InfLine[];
  readonly featureScore: number | null;
  readonly firmwareGuid?: string;
}

export function writeInf(spec: InfSpec): string {
  const [year, month, day] = spec.date.split('-');
  const models = spec.decorations.map((decoration) => modelsSection(spec, decoration));
  const header = [
    '; Generated driver package',
    '[Version]',
    'Signature = "$WINDOWS NT$"',
    `Class = ${spec.infClass}`,
    `ClassGuid = ${spec.classGuid}`,
    ...(spec.extensionId === null ? [] : [`ExtensionId = ${spec.extensionId}`]),
    'Provider = %Provider%',
    `DriverVer = ${month}/${day}/${year},${spec.version}`,
    `CatalogFile = ${spec.fileBase}.cat`,
    'PnpLockdown = 1',
    '',
    '[Manufacturer]',
    `%Manufacturer% = Models, ${spec.decorations.join(', ')}`,
    '',
  ];
  const strings = [
    '[Strings]',
    `Provider = ${quoted(spec.provider)}`,
    `Manufacturer = ${quoted(spec.manufacturer)}`,
    `DiskName = ${quoted(`${spec.manufacturer} installation disk`)}`,
    ...spec.lines.map((line, index) => `Device${index} = ${quoted(line.description)}`),
    ...(spec.kind === 'firmware' ? ['REG_DWORD = 0x00010001'] : []),
    '',
  ];

  return [...header, ...models, ...installSections(spec), ...strings].join('\r\n');
}

function modelsSection(spec: InfSpec, decoration: string): string {
  const lines = spec.lines.map((line, index) =>
    [`%Device${index}% = Install`, line.hardwareId, ...(line.compatibleIds ?? [])].join(', '),
  );

  return [`[Models.${decoration}]`, ...lines, ''].join('\r\n');
}

function installSections(spec: InfSpec): string[] {
  const score = spec.featureScore === null ? [] : [`FeatureScore = 0x${hex2(spec.featureScore)}`];

  if (spec.kind === 'extension') {
    return [
      '[Install.NT]',
      'AddReg = Install_AddReg',
      '',
      '[Install_AddReg]',
      'HKR, , OemCustomization, 0x00010001, 1',
      '',
    ];
  }

  const payload = spec.kind === 'firmware' ? `${spec.fileBase}.bin` : `${spec.fileBase}.sys`;
  const common = [
    '[DestinationDirs]',
    'DefaultDestDir = 13',
    '',
    '[SourceDisksNames]',
    '1 = %DiskName%',
    '',
    '[SourceDisksFiles]',
    `${payload} = 1`,
    '',
    '[Install.NT]',
    'CopyFiles = Install_Files',
    ...score,
    '',
    '[Install_Files]',
    payload,
    '',
  ];

  if (spec.kind === 'firmware') {
    return [
      ...common,
      '[Install.NT.Hw]',
      'AddReg = Firmware_AddReg',
      '',
      '[Firmware_AddReg]',
      `HKR, , FirmwareId, , {${spec.firmwareGuid ?? ''}}`,
      `HKR, , FirmwareVersion, %REG_DWORD%, ${firmwareVersion(spec.version)}`,
      `HKR, , FirmwareFilename, , ${payload}`,
      '',
      '[Install.NT.Services]',
      'AddService = , 2',
      '',
    ];
  }

  return [
    ...common,
    '[Install.NT.Services]',
    `AddService = ${spec.fileBase}, 0x00000002, Install_Service`,
    '',
    '[Install_Service]',
    `DisplayName = %Device0%`,
    'ServiceType = 1',
    'StartType = 3',
    'ErrorControl = 1',
    `ServiceBinary = %13%\\${payload}`,
    '',
  ];
}

// Names from pci.ids may hold quotes or percent signs, which INF strings treat as syntax.
function quoted(text: string): string {
  return `"${text.replaceAll('"', "'").replaceAll('%', ' pct')}"`;
}

function firmwareVersion(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);

  return `0x${((major << 16) | minor).toString(16).padStart(8, '0')}`;
}

function hex2(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
