import { minDateTime } from './profile-record.js';
import type { InventoryView } from './inventory-repo.js';

export function inventoryJson(row: InventoryView): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.windowsDriverUpdateInventory',
    id: row.driver_id,
    name: row.name,
    version: row.version,
    manufacturer: row.manufacturer,
    releaseDateTime: row.release_at,
    driverClass: row.driver_class,
    applicableDeviceCount: row.applicable_device_count,
    approvalStatus: row.approval_status,
    category: row.category,
    deployDateTime: row.deploy_at ?? minDateTime,
  };
}
