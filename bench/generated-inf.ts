// A large INF shaped like an OEM network package: two architectures of models sections with
// `models` lines each, an install section with its services and registry sections for every
// four models, and one localized description per model in [Strings].

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function modelsSection(decoration: string, models: number): string[] {
  const lines = [`[Contoso.${decoration}]`];

  for (let i = 0; i < models; i++) {
    const device = `PCI\\VEN_8086&DEV_${hex(0x1000 + i)}`;

    lines.push(`%Dev${i}.Desc% = Install_${i >> 2}, ${device}&SUBSYS_${hex(i)}8086, ${device}`);
  }

  return [...lines, ''];
}

function installSections(index: number): string[] {
  return [
    `[Install_${index}.NT]`,
    'Characteristics = 0x84',
    `AddReg = Reg_${index}`,
    'CopyFiles = Drivers.Copy',
    'FeatureScore = 0xFE',
    '',
    `[Install_${index}.NT.Services]`,
    `AddService = svc_${index}, 2, Service_${index}`,
    '',
    `[Reg_${index}]`,
    `HKR, Ndi, Service, 0, "svc_${index}"`,
    'HKR, Ndi\\Interfaces, UpperRange, 0, "ndis5"',
    '',
  ];
}

/** The INF's bytes, with `models` model lines for each of its two architectures. */
export function generatedInf(models: number): Uint8Array {
  const decorations = ['NTamd64.10.0...19041', 'NTarm64.10.0...19041'];
  const lines = [
    '[Version]',
    'Signature = "$WINDOWS NT$"',
    'Class = Net',
    'ClassGuid = {4d36e972-e325-11ce-bfc1-08002be10318}',
    'Provider = %Contoso%',
    'CatalogFile = contoso.cat',
    'DriverVer = 06/21/2024,10.1.2.3',
    'PnpLockdown = 1',
    '',
    '[Manufacturer]',
    `%Contoso% = Contoso, ${decorations.join(', ')}`,
    '',
    ...decorations.flatMap((decoration) => modelsSection(decoration, models)),
  ];

  for (let i = 0; i < models / 4; i++) lines.push(...installSections(i));
  lines.push('[Strings]', 'Contoso = "Contoso Ltd."');
  for (let i = 0; i < models; i++) lines.push(`Dev${i}.Desc = "Contoso Network Adapter ${i}"`);

  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}
