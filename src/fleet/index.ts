export * from './report-limits.js';
export type * from './report-types.js';
export { validateReport } from './validate-report.js';
export type { ReportError, ReportValidation } from './validate-report.js';
export { configurationOf } from './configuration-of.js';
export type {
  AddressedConfiguration,
  ConfiguredNode,
  DeviceConfiguration,
} from './configuration-of.js';
export { parseReportLines } from './parse-report-lines.js';
export type { ReportLine } from './parse-report-lines.js';
export { parseDriverCsv } from './parse-driver-csv.js';
export type { CsvLineError, DriverCsvOptions, DriverCsvResult } from './parse-driver-csv.js';
export { machineIdFromName, MACHINE_NAMESPACE, nameBasedUuid } from './name-based-uuid.js';
