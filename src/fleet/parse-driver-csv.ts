// Import of `Get-CimInstance Win32_PnPSignedDriver | Export-Csv`: one row per device node,
// grouped into one report per machine (PSComputerName, or one machine when the column is absent
// or empty). A machine with any bad row gets no report at all: a report replaces the machine's
// previous one as a whole, so a partial one would silently drop devices.
import { isCsvProblem, readCsvRecords } from './csv-records.js';
import { machineIdFromName } from './name-based-uuid.js';
import type { DeviceNode, DeviceReport, ReportedOs } from './report-types.js';
import { validateReport } from './validate-report.js';

export interface DriverCsvOptions {
  /** The CSV says nothing about the OS; the importer states it for every machine in the file. */
  readonly os: ReportedOs;
  readonly reportedDateTime: string;
  /** The machine's name when the file has no PSComputerName values. */
  readonly deviceName?: string;
  /** The machine's id when the file holds one machine; otherwise derived from its name. */
  readonly deviceId?: string;
}

export interface CsvLineError {
  readonly line: number;
  readonly message: string;
}

export interface DriverCsvResult {
  readonly reports: readonly DeviceReport[];
  readonly errors: readonly CsvLineError[];
}

interface Machine {
  readonly name: string;
  readonly rows: { readonly line: number; readonly node: DeviceNode }[];
  failed: boolean;
}

const columns = {
  instanceId: ['deviceid'],
  hardwareIds: ['hardwareid'],
  compatibleIds: ['compatid', 'compatibleid'],
  version: ['driverversion'],
  date: ['driverdate'],
  infName: ['infname'],
  provider: ['driverprovidername'],
  deviceClass: ['deviceclass'],
  computer: ['pscomputername'],
} as const;

type Column = keyof typeof columns;

export function parseDriverCsv(text: string, options: DriverCsvOptions): DriverCsvResult {
  const errors: CsvLineError[] = [];
  const machines = new Map<string, Machine>();
  let header: Map<Column, number> | null = null;

  for (const record of readCsvRecords(text)) {
    if (isCsvProblem(record)) {
      errors.push(record);
      break;
    }
    if (header === null) {
      if (record.fields[0]?.startsWith('#')) continue;

      header = readHeader(record.fields);
      if (!header.has('instanceId')) {
        errors.push({ line: record.line, message: 'the header has no DeviceID column' });
        break;
      }
      continue;
    }

    const field = (column: Column): string => {
      const index = header?.get(column);

      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    const name = field('computer') || (options.deviceName ?? '');
    const key = name.toUpperCase();
    const machine = machines.get(key) ?? { name, rows: [], failed: false };
    machines.set(key, machine);

    const node = readNode(field);
    if (typeof node === 'string') {
      errors.push({ line: record.line, message: node });
      machine.failed = true;
    } else {
      machine.rows.push({ line: record.line, node });
    }
  }

  const reports: DeviceReport[] = [];

  for (const machine of machines.values()) {
    const report = machine.failed ? null : buildReport(machine, machines.size, options, errors);
    if (report !== null) reports.push(report);
  }

  return { reports, errors: errors.sort((a, b) => a.line - b.line) };
}

function readHeader(fields: readonly string[]): Map<Column, number> {
  const header = new Map<Column, number>();
  const lower = fields.map((field) => field.trim().toLowerCase());

  for (const [column, names] of Object.entries(columns) as [Column, readonly string[]][]) {
    const index = lower.findIndex((name) => names.includes(name));
    if (index !== -1) header.set(column, index);
  }

  return header;
}

function readNode(field: (column: Column) => string): DeviceNode | string {
  const hardwareIds = readIdList(field('hardwareIds'), 'HardWareID');
  const compatibleIds = readIdList(field('compatibleIds'), 'CompatID');
  if (typeof hardwareIds === 'string') return hardwareIds;
  if (typeof compatibleIds === 'string') return compatibleIds;

  const node = {
    instanceId: field('instanceId'),
    hardwareIds,
    compatibleIds,
    extensionDrivers: [],
  };
  const infName = field('infName');
  if (infName === '') return { ...node, installedDriver: null };

  const date = readDriverDate(field('date'));
  if (date === null) {
    return `DriverDate "${field('date')}" is not a WMI date-time, YYYY-MM-DD or M/D/YYYY`;
  }

  return {
    ...node,
    installedDriver: {
      infName,
      provider: field('provider') || null,
      class: field('deviceClass') || null,
      version: field('version'),
      date,
      matchingId: null,
      rank: null,
    },
  };
}

/**
 * IDs may come one per cell (Win32_PnPSignedDriver's own HardWareID and CompatID hold only the
 * first ID) or joined with `;`, `,` or line breaks by a calculated property. PnP IDs contain none
 * of those characters, so any of them separates. `System.String[]` is what Export-Csv writes for
 * an array it was not asked to join: the IDs are lost, so the row is refused.
 */
function readIdList(value: string, column: string): readonly string[] | string {
  if (/^System\.(String|Object)\[\]$/.test(value)) {
    return (
      `${column} holds ${value} instead of IDs; export it joined, e.g. ` +
      `Select-Object @{n='${column}';e={$_.${column} -join ';'}}`
    );
  }

  return value.split(/[;,\s]+/).filter((id) => id.length > 0);
}

/**
 * DriverDate as WMI writes it (`20230501000000.******+000`), as ISO 8601 (`2023-05-01`, time
 * ignored) or as a US-style `5/1/2023 12:00:00 AM` from PowerShell's DateTime conversion.
 */
function readDriverDate(value: string): string | null {
  const wmi = /^(\d{4})(\d{2})(\d{2})[\d*]{6}\.[\d*]{6}[+-][\d*]{3}$/.exec(value);
  if (wmi !== null) return `${wmi[1]}-${wmi[2]}-${wmi[3]}`;

  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value);
  if (iso?.[1] !== undefined) return iso[1];

  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(value);
  if (us !== null) return `${us[3]}-${pad(us[1])}-${pad(us[2])}`;

  return null;
}

function buildReport(
  machine: Machine,
  machineCount: number,
  options: DriverCsvOptions,
  errors: CsvLineError[],
): DeviceReport | null {
  const firstLine = machine.rows[0]?.line ?? 1;
  if (machine.name === '') {
    errors.push({ line: firstLine, message: 'no PSComputerName value and no device name given' });

    return null;
  }

  const deviceId =
    machineCount === 1 && options.deviceId !== undefined
      ? options.deviceId
      : machineIdFromName(machine.name);
  const report: DeviceReport = {
    deviceId,
    deviceName: machine.name,
    reportedDateTime: options.reportedDateTime,
    os: options.os,
    computerHardwareIds: [],
    devices: machine.rows.map((row) => row.node),
  };
  const result = validateReport(report);
  if (result.ok) return result.report;

  for (const error of result.errors) {
    const index = /^\$\.devices\[(\d+)\]/.exec(error.path)?.[1];
    const line = index === undefined ? firstLine : (machine.rows[Number(index)]?.line ?? firstLine);
    errors.push({
      line,
      message: `${machine.name}: ${describeColumn(error.path)} ${error.message}`,
    });
  }

  return null;
}

function describeColumn(path: string): string {
  const names: Record<string, string> = {
    instanceId: 'DeviceID',
    hardwareIds: 'HardWareID',
    compatibleIds: 'CompatID',
    infName: 'InfName',
    provider: 'DriverProviderName',
    class: 'DeviceClass',
    version: 'DriverVersion',
    date: 'DriverDate',
  };
  const last = /([A-Za-z]+)(?:\[\d+\])?$/.exec(path)?.[1] ?? '';

  return names[last] ?? path;
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}
