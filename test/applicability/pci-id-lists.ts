// The ID lists the PCI bus reports for a device on Windows 10 2004 and later, rebuilt from its
// instance ID. The `Select Drivers` form of setupapi.dev.log names the device but not its IDs.
import type { DeviceIdLists } from '../../src/applicability/identifier-match.js';

/** `classCode` is the six hex digits of CC_xxxxxx; null leaves the class-code IDs out. */
export function pciIdLists(instanceId: string, classCode: string | null): DeviceIdLists | null {
  const match =
    /^PCI\\(VEN_[0-9A-F]{4})&(DEV_[0-9A-F]{4})&(SUBSYS_[0-9A-F]{8})&(REV_[0-9A-F]{2})/i.exec(
      instanceId,
    );
  if (match === null) return null;

  const [, ven, dev, subsys, rev] = match.map((part) => part.toLowerCase());
  const device = `pci\\${ven}&${dev}`;
  const classIds = (prefix: string): string[] =>
    classCode === null
      ? []
      : [
          `${prefix}&cc_${classCode.toLowerCase()}`,
          `${prefix}&cc_${classCode.slice(0, 4).toLowerCase()}`,
        ];

  return {
    hardwareIds: [`${device}&${subsys}&${rev}`, `${device}&${subsys}`, ...classIds(device)],
    compatibleIds: [
      `${device}&${rev}`,
      device,
      ...classIds(`pci\\${ven}`),
      `pci\\${ven}`,
      ...classIds('pci').map((id) => id.replace('pci&', 'pci\\')),
    ],
  };
}
