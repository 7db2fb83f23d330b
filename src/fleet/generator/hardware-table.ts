// Real devices common in business PCs (vendor and device IDs as listed in pci.ids and usb.ids),
// the parts from which generated hardware models are assembled.

export type Bus = 'pci' | 'usb' | 'hdaudio' | 'acpi';

/** Which platforms a device appears on; `any` for peripherals and add-in parts. */
export type Platform = 'intel' | 'amd' | 'qualcomm' | 'any';

export type Role =
  | 'gpu'
  | 'discrete-gpu'
  | 'ethernet'
  | 'wifi'
  | 'bluetooth'
  | 'audio'
  | 'codec'
  | 'chipset'
  | 'usb-host'
  | 'storage'
  | 'card-reader'
  | 'camera'
  | 'fingerprint'
  | 'tpm'
  | 'dock'
  | 'peripheral';

export interface HardwarePart {
  readonly bus: Bus;
  /** Four hex digits (four letters for ACPI vendors such as MSFT). */
  readonly vendorId: string;
  readonly deviceId: string;
  /** PCI: two hex digits; USB: the four-digit bcdDevice; HD Audio: four digits. */
  readonly revision: string;
  /** PCI class/subclass/interface or USB class/subclass/protocol, six hex digits. */
  readonly classCode: string;
  readonly name: string;
  readonly role: Role;
  readonly platform: Platform;
  readonly familyKey: string;
  /** USB devices that carry a serial number, which becomes part of their instance ID. */
  readonly serialNumbered?: boolean;
}

function pci(
  id: string,
  revision: string,
  classCode: string,
  name: string,
  role: Role,
  platform: Platform,
  familyKey: string,
): HardwarePart {
  const [vendorId = '', deviceId = ''] = id.split(':');

  return { bus: 'pci', vendorId, deviceId, revision, classCode, name, role, platform, familyKey };
}

function usb(
  id: string,
  revision: string,
  classCode: string,
  name: string,
  role: Role,
  familyKey: string,
  serialNumbered = false,
): HardwarePart {
  const [vendorId = '', deviceId = ''] = id.split(':');

  return {
    bus: 'usb',
    vendorId,
    deviceId,
    revision,
    classCode,
    name,
    role,
    platform: 'any',
    familyKey,
    serialNumbered,
  };
}

export const hardwareParts: readonly HardwarePart[] = [
  pci(
    '8086:9A49',
    '01',
    '030000',
    'Iris Xe Graphics (Tiger Lake)',
    'gpu',
    'intel',
    'intel-graphics',
  ),
  pci(
    '8086:46A6',
    '0C',
    '030000',
    'Iris Xe Graphics (Alder Lake)',
    'gpu',
    'intel',
    'intel-graphics',
  ),
  pci(
    '8086:A7A0',
    '04',
    '030000',
    'Iris Xe Graphics (Raptor Lake)',
    'gpu',
    'intel',
    'intel-graphics',
  ),
  pci('8086:7D55', '08', '030000', 'Arc Graphics (Meteor Lake)', 'gpu', 'intel', 'intel-graphics'),
  pci('1002:1638', 'C5', '030000', 'Radeon Graphics (Cezanne)', 'gpu', 'amd', 'amd-graphics'),
  pci('1002:1681', 'C8', '030000', 'Radeon 680M', 'gpu', 'amd', 'amd-graphics'),
  pci('1002:15BF', 'C4', '030000', 'Radeon 780M (Phoenix)', 'gpu', 'amd', 'amd-graphics'),
  pci(
    '10DE:1F99',
    'A1',
    '030200',
    'GeForce GTX 1650 Mobile',
    'discrete-gpu',
    'any',
    'nvidia-graphics',
  ),
  pci(
    '10DE:25A2',
    'A1',
    '030200',
    'GeForce RTX 3050 Mobile',
    'discrete-gpu',
    'any',
    'nvidia-graphics',
  ),
  pci(
    '10DE:28E0',
    'A1',
    '030200',
    'GeForce RTX 4060 Laptop',
    'discrete-gpu',
    'any',
    'nvidia-graphics',
  ),
  pci(
    '8086:15FB',
    '20',
    '020000',
    'Ethernet Connection (13) I219-LM',
    'ethernet',
    'intel',
    'intel-lan',
  ),
  pci(
    '8086:0DC5',
    '20',
    '020000',
    'Ethernet Connection (23) I219-LM',
    'ethernet',
    'intel',
    'intel-lan',
  ),
  pci(
    '8086:15F3',
    '03',
    '020000',
    'Ethernet Controller I225-V',
    'ethernet',
    'any',
    'intel-lan-2g5',
  ),
  pci('10EC:8168', '15', '020000', 'RTL8168 Gigabit Ethernet', 'ethernet', 'any', 'realtek-lan'),
  pci('10EC:8125', '05', '020000', 'RTL8125 2.5GbE Controller', 'ethernet', 'any', 'realtek-lan'),
  pci(
    '14E4:1687',
    '10',
    '020000',
    'NetXtreme BCM5762 Gigabit Ethernet',
    'ethernet',
    'amd',
    'realtek-lan',
  ),
  pci('8086:A0F0', '20', '028000', 'Wi-Fi 6 AX201', 'wifi', 'intel', 'intel-wifi'),
  pci('8086:51F0', '01', '028000', 'Wi-Fi 6E AX211 (CNVi)', 'wifi', 'intel', 'intel-wifi'),
  pci('8086:2725', '1A', '028000', 'Wi-Fi 6E AX210', 'wifi', 'any', 'intel-wifi'),
  pci(
    '17CB:1103',
    '01',
    '028000',
    'QCNFA765 Wireless Network Adapter',
    'wifi',
    'qualcomm',
    'qualcomm-wifi',
  ),
  pci(
    '17CB:1101',
    '01',
    '028000',
    'QCA6390 Wireless Network Adapter',
    'wifi',
    'amd',
    'qualcomm-wifi',
  ),
  pci('14C3:7961', '00', '028000', 'MT7921 Wi-Fi 6', 'wifi', 'amd', 'mediatek-wifi'),
  pci('14C3:0616', '00', '028000', 'MT7922 Wi-Fi 6E', 'wifi', 'amd', 'mediatek-wifi'),
  pci('10EC:C822', '00', '028000', 'RTL8822CE Wireless LAN', 'wifi', 'any', 'realtek-wifi'),
  pci(
    '14E4:43A0',
    '03',
    '028000',
    'BCM4360 Wireless Network Adapter',
    'wifi',
    'any',
    'broadcom-wifi',
  ),
  pci(
    '8086:A0C8',
    '20',
    '040100',
    'Smart Sound Technology (Tiger Lake)',
    'audio',
    'intel',
    'intel-sst',
  ),
  pci(
    '8086:51C8',
    '01',
    '040100',
    'Smart Sound Technology (Alder Lake)',
    'audio',
    'intel',
    'intel-sst',
  ),
  pci(
    '8086:7E28',
    '20',
    '040100',
    'HD Audio Controller (Meteor Lake)',
    'audio',
    'intel',
    'intel-sst',
  ),
  pci('1022:15E3', '00', '040300', 'Ryzen HD Audio Controller', 'audio', 'amd', 'amd-audio'),
  pci('1022:15E2', '01', '048000', 'Audio Coprocessor', 'audio', 'amd', 'amd-audio'),
  pci(
    '8086:A0A3',
    '20',
    '0C0500',
    'SMBus Controller (500 Series)',
    'chipset',
    'intel',
    'intel-chipset',
  ),
  pci(
    '8086:A0A4',
    '20',
    '0C8000',
    'SPI Controller (500 Series)',
    'chipset',
    'intel',
    'intel-chipset',
  ),
  pci('8086:A0B0', '20', '060400', 'PCI Express Root Port #9', 'chipset', 'intel', 'intel-chipset'),
  pci(
    '8086:51A3',
    '01',
    '0C0500',
    'SMBus Host Controller (Alder Lake)',
    'chipset',
    'intel',
    'intel-chipset',
  ),
  pci(
    '8086:51BC',
    '01',
    '060400',
    'PCI Express Root Port #5 (Alder Lake)',
    'chipset',
    'intel',
    'intel-chipset',
  ),
  pci(
    '8086:A0E0',
    '20',
    '078000',
    'Management Engine Interface (500 Series)',
    'chipset',
    'intel',
    'intel-mei',
  ),
  pci(
    '8086:51E0',
    '01',
    '078000',
    'Management Engine Interface (Alder Lake)',
    'chipset',
    'intel',
    'intel-mei',
  ),
  pci(
    '8086:A0E8',
    '20',
    '0C8000',
    'Serial IO I2C Host Controller',
    'chipset',
    'intel',
    'intel-serialio',
  ),
  pci('8086:9A1B', '01', '0C0340', 'Thunderbolt 4 NHI', 'chipset', 'intel', 'intel-thunderbolt'),
  pci('1022:790B', '51', '0C0500', 'FCH SMBus Controller', 'chipset', 'amd', 'amd-chipset'),
  pci('1022:1630', '00', '060000', 'Root Complex', 'chipset', 'amd', 'amd-chipset'),
  pci('1022:1649', '00', '108000', 'PSP/CCP', 'chipset', 'amd', 'amd-psp'),
  pci('1022:15C7', '00', '108000', 'CCP/PSP 3.0 Device', 'chipset', 'amd', 'amd-psp'),
  pci(
    '8086:A0ED',
    '20',
    '0C0330',
    'USB 3.2 xHCI Host Controller (500 Series)',
    'usb-host',
    'intel',
    'inbox-xhci',
  ),
  pci(
    '8086:51ED',
    '01',
    '0C0330',
    'USB 3.2 xHCI Host Controller (Alder Lake)',
    'usb-host',
    'intel',
    'inbox-xhci',
  ),
  pci('144D:A808', '00', '010802', 'NVMe SSD Controller PM981', 'storage', 'any', 'inbox-nvme'),
  pci('144D:A80A', '00', '010802', 'NVMe SSD Controller PM9A1', 'storage', 'any', 'inbox-nvme'),
  pci('1E0F:0001', '00', '010802', 'NVMe SSD Controller BG4', 'storage', 'any', 'inbox-nvme'),
  pci(
    '10EC:522A',
    '01',
    'FF0000',
    'RTS522A PCI Express Card Reader',
    'card-reader',
    'any',
    'realtek-cardreader',
  ),
  pci(
    '10EC:5227',
    '01',
    'FF0000',
    'RTS5227 PCI Express Card Reader',
    'card-reader',
    'any',
    'realtek-cardreader',
  ),
  pci(
    '1217:8621',
    '01',
    '080501',
    'OZ711 SD/MMC Card Reader',
    'card-reader',
    'any',
    'o2micro-cardreader',
  ),
  usb('8087:0026', '0002', 'E00101', 'AX201 Bluetooth', 'bluetooth', 'intel-bluetooth'),
  usb('8087:0033', '0000', 'E00101', 'AX211 Bluetooth', 'bluetooth', 'intel-bluetooth'),
  usb('8087:0032', '0000', 'E00101', 'AX210 Bluetooth', 'bluetooth', 'intel-bluetooth'),
  usb(
    '0489:E0CD',
    '0100',
    'E00101',
    'MediaTek Bluetooth Adapter',
    'bluetooth',
    'mediatek-bluetooth',
  ),
  usb('04F2:B394', '0017', 'EF0201', 'Integrated Camera', 'camera', 'camera-oem'),
  usb('04F2:B2EA', '0017', 'EF0201', 'Integrated Camera', 'camera', 'camera-oem'),
  usb(
    '06CB:00BD',
    '0000',
    'FF0000',
    'Prometheus MIS Touch Fingerprint Reader',
    'fingerprint',
    'synaptics-fingerprint',
  ),
  usb(
    '27C6:538C',
    '0100',
    'FF0000',
    'Goodix Fingerprint Reader',
    'fingerprint',
    'goodix-fingerprint',
  ),
  usb(
    '0BDA:8153',
    '3100',
    'FF0000',
    'RTL8153 Gigabit Ethernet Adapter',
    'dock',
    'realtek-usb-lan',
    true,
  ),
  usb('0BDA:5411', '0101', '090002', 'RTS5411 Hub', 'dock', 'inbox-hub'),
  usb('046D:085E', '0317', 'EF0201', 'BRIO Ultra HD Webcam', 'peripheral', 'logitech-camera', true),
  usb('1050:0407', '0543', '000000', 'YubiKey OTP+FIDO+CCID', 'peripheral', 'yubico-ccid'),
  usb('046D:C52B', '1211', '000000', 'Unifying Receiver', 'peripheral', 'inbox-input'),
  {
    bus: 'hdaudio',
    vendorId: '10EC',
    deviceId: '0257',
    revision: '1000',
    classCode: '',
    name: 'Realtek ALC257 codec',
    role: 'codec',
    platform: 'any',
    familyKey: 'realtek-audio',
  },
  {
    bus: 'acpi',
    vendorId: 'MSFT',
    deviceId: '0101',
    revision: '',
    classCode: '',
    name: 'Trusted Platform Module 2.0',
    role: 'tpm',
    platform: 'any',
    familyKey: 'inbox-tpm',
  },
  {
    bus: 'acpi',
    vendorId: 'QCOM',
    deviceId: '043A',
    revision: '',
    classCode: '',
    name: 'Adreno GPU',
    role: 'gpu',
    platform: 'qualcomm',
    familyKey: 'qualcomm-graphics',
  },
  {
    bus: 'acpi',
    vendorId: 'QCOM',
    deviceId: '0511',
    revision: '',
    classCode: '',
    name: 'WCN685x Bluetooth',
    role: 'bluetooth',
    platform: 'qualcomm',
    familyKey: 'qualcomm-bluetooth',
  },
];
