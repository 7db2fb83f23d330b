import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowsUpdateClass } from './windows-update-class.js';

test('INF class names map to the Windows Update class names, ignoring case', () => {
  const cases: [string | null, string][] = [
    ['Display', 'Video'],
    ['Net', 'Networking'],
    ['NET', 'Networking'],
    ['MEDIA', 'Sound'],
    ['Printer', 'Printers'],
    ['Firmware', 'Firmware'],
    ['System', 'System'],
    ['SYSTEM', 'System'],
    ['Bluetooth', 'Bluetooth'],
    ['Camera', 'Camera'],
    ['Image', 'Camera'],
    ['Biometric', 'Biometric'],
    ['HIDClass', 'HIDClass'],
    ['Monitor', 'Monitor'],
    ['SoftwareComponent', 'SoftwareComponent'],
    ['Keyboard', 'OtherHardware'],
    ['SCSIAdapter', 'OtherHardware'],
    ['Extension', 'Other'],
    ['TOASTER', 'Other'],
    [null, 'Other'],
  ];

  for (const [infClass, expected] of cases) assert.equal(windowsUpdateClass(infClass), expected);
});
