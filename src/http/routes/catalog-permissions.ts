// The catalog belongs to Graph's Windows Update deployment service, which has permissions of
// its own, apart from Intune's DeviceManagementConfiguration ones.
export const WINDOWS_UPDATES_READ_ALL = 'WindowsUpdates.Read.All';
export const WINDOWS_UPDATES_READ_WRITE_ALL = 'WindowsUpdates.ReadWrite.All';

export const readCatalog = [WINDOWS_UPDATES_READ_ALL, WINDOWS_UPDATES_READ_WRITE_ALL];
export const writeCatalog = [WINDOWS_UPDATES_READ_WRITE_ALL];
