import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL as readAll,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL as readWriteAll,
} from '../../identity/index.js';

export const readProfiles = [readAll, readWriteAll];
export const writeProfiles = [readWriteAll];
