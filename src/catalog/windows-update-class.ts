import type { WindowsUpdateClass } from './types.js';

// INF `Class=` names (compared case-insensitively) to the class Windows Update files a driver
// under. Device setup classes with no category of their own are OtherHardware; classes that
// are not device classes at all (extensions, vendor-invented classes) fall to Other.
const BY_INF_CLASS: ReadonlyMap<string, WindowsUpdateClass> = new Map([
  ['display', 'Video'],
  ['net', 'Networking'],
  ['netservice', 'Networking'],
  ['nettrans', 'Networking'],
  ['netclient', 'Networking'],
  ['media', 'Sound'],
  ['audioendpoint', 'Sound'],
  ['audioprocessingobject', 'Sound'],
  ['printer', 'Printers'],
  ['printqueue', 'Printers'],
  ['pnpprinters', 'Printers'],
  ['dot4print', 'Printers'],
  ['firmware', 'Firmware'],
  ['system', 'System'],
  ['computer', 'System'],
  ['processor', 'System'],
  ['bluetooth', 'Bluetooth'],
  ['camera', 'Camera'],
  ['image', 'Camera'],
  ['biometric', 'Biometric'],
  ['hidclass', 'HIDClass'],
  ['monitor', 'Monitor'],
  ['softwarecomponent', 'SoftwareComponent'],
  ...[
    'battery',
    'cdrom',
    'diskdrive',
    'fdc',
    'floppydisk',
    'gps',
    'hdc',
    'infrared',
    'keyboard',
    'mediumchanger',
    'modem',
    'mouse',
    'mtd',
    'multifunction',
    'multiportserial',
    'pcmcia',
    'ports',
    'proximity',
    'scsiadapter',
    'sdhost',
    'securitydevices',
    'sensor',
    'smartcardreader',
    'smartcardfilter',
    'tapedrive',
    'ucm',
    'usb',
    'usbdevice',
    'usbfunctioncontroller',
    'volume',
    'wpd',
    '1394',
    '61883',
    'avc',
    'sbp2',
    'dot4',
    'wceusbs',
  ].map((name): [string, WindowsUpdateClass] => [name, 'OtherHardware']),
]);

/** The Windows Update class of an INF class name; `Other` when it is absent or unknown. */
export function windowsUpdateClass(infClass: string | null): WindowsUpdateClass {
  if (infClass === null) return 'Other';

  return BY_INF_CLASS.get(infClass.trim().toLowerCase()) ?? 'Other';
}
