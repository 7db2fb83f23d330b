// Reader for the pci.ids / usb.ids format: a vendor line (`8086  Intel Corporation`), its
// devices indented by one tab, their subsystems by two. Other sections (device classes, USB
// language and HID tables) start with a non-hex keyword and are skipped.

export interface IdVendor {
  /** Four upper-case hex digits. */
  readonly id: string;
  readonly name: string;
  /** Device id (four upper-case hex digits) to name. */
  readonly devices: ReadonlyMap<string, string>;
}

export type IdDatabase = ReadonlyMap<string, IdVendor>;

const vendorLine = /^([0-9a-fA-F]{4})\s+(.+)$/;
const deviceLine = /^\t([0-9a-fA-F]{4})\s+(.+)$/;

export function parseIdDatabase(text: string): IdDatabase {
  const vendors = new Map<string, IdVendor>();
  let devices: Map<string, string> | null = null;

  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#') || line.startsWith('\t\t')) continue;

    if (line.startsWith('\t')) {
      const match = devices === null ? null : deviceLine.exec(line.trimEnd());
      if (match !== null && devices !== null) {
        devices.set((match[1] ?? '').toUpperCase(), match[2] ?? '');
      }
      continue;
    }

    const match = vendorLine.exec(line.trimEnd());
    if (match === null) {
      devices = null;
      continue;
    }

    devices = new Map();
    const id = (match[1] ?? '').toUpperCase();
    vendors.set(id, { id, name: match[2] ?? '', devices });
  }

  return vendors;
}
