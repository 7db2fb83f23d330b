// Reads the driver-selection parts of a setupapi.dev.log / setupapi.setup.log: the ID lists a
// device searched with, the driver nodes Windows built with their ranks, the node it selected,
// and the INF model lines it printed while configuring a driver.

export interface LoggedDriverNode {
  /** The INF ID the node matched, as logged. */
  readonly infId: string;
  /** Lower-case file name of the INF, without its folder. */
  readonly infName: string;
  readonly section: string | null;
  readonly rank: string;
  readonly signer: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly version: string;
  /** `Selected` or `Outranked` where the log says so. */
  readonly status: string | null;
}

export interface LoggedDriverList {
  readonly title: string;
  /** Set for the `Select Drivers` form, which names the device but does not list its IDs. */
  readonly instanceId: string | null;
  readonly hardwareIds: readonly string[];
  readonly compatibleIds: readonly string[];
  readonly nodes: readonly LoggedDriverNode[];
  readonly selected: { readonly infName: string; readonly section: string | null } | null;
}

export interface LoggedModelLine {
  readonly section: string;
  readonly hardwareId: string;
  readonly compatibleIds: readonly string[];
}

export interface SetupapiLog {
  readonly osVersion: string;
  readonly architecture: string;
  readonly lists: readonly LoggedDriverList[];
  /** Model lines printed by `Configure Driver`, keyed by lower-case INF file name. */
  readonly modelLines: ReadonlyMap<string, readonly LoggedModelLine[]>;
}

interface MutableList {
  title: string;
  instanceId: string | null;
  hardwareIds: string[];
  compatibleIds: string[];
  nodes: Record<string, string>[];
  selected: { infName: string; section: string | null } | null;
}

const entryPattern = /^[!\s]*[a-z]{3}:\s+(.*?)\s*$/;
const fieldPattern = /^([A-Za-z][A-Za-z ]*?)\s+[-=]\s+(.*)$/;

export function parseSetupapiLog(text: string): SetupapiLog {
  const header = (name: string): string =>
    new RegExp(`^\\s*${name}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
  const lists: MutableList[] = [];
  const modelLines = new Map<string, LoggedModelLine[]>();
  let title = '';
  let list: MutableList | null = null;
  let idMode: 'hardware' | 'compatible' | null = null;
  let fields: Record<string, string> | null = null;
  let selecting = false;
  let configuringInf: string | null = null;
  let modelLine: { section: string; hardwareId: string; compatibleIds: string[] } | null = null;

  const startList = (instanceId: string | null = null): MutableList => {
    const created: MutableList = {
      title,
      instanceId,
      hardwareIds: [],
      compatibleIds: [],
      nodes: [],
      selected: null,
    };
    lists.push(created);

    return created;
  };

  for (const line of text.split(/\r?\n/)) {
    const section = /^>>>\s+\[(.*)\]$/.exec(line);
    if (section?.[1] !== undefined) {
      title = section[1];
      list = null;
      configuringInf = null;
      modelLine = null;
      continue;
    }

    const entry = entryPattern.exec(line)?.[1];
    if (entry === undefined) continue;
    const field = fieldPattern.exec(entry);

    if (fields !== null && field?.[1] !== undefined && field[2] !== undefined) {
      fields[field[1]] = field[2];
      continue;
    }
    fields = null;

    if (idMode !== null && list !== null && /^\S+$/.test(entry)) {
      (idMode === 'hardware' ? list.hardwareIds : list.compatibleIds).push(entry);
      continue;
    }
    idMode = null;

    if (entry === 'Searching for hardware ID(s):') {
      list = startList();
      idMode = 'hardware';
    } else if (entry === 'Searching for compatible ID(s):') {
      const continues = list !== null && list.compatibleIds.length === 0 && list.nodes.length === 0;
      if (!continues) list = startList();
      idMode = 'compatible';
    } else if (entry.startsWith('{Select Drivers - ') && !entry.includes('exit')) {
      list = startList(entry.slice('{Select Drivers - '.length).replace(/\}.*$/, ''));
    } else if (entry === 'Created Driver Node:' || entry === 'Driver Node:') {
      fields = {};
      list?.nodes.push(fields);
    } else if (entry === 'Selected:' || entry === 'Selected Driver:') {
      selecting = true;
    } else if (selecting && field?.[1] === 'InfFile' && field[2] !== undefined) {
      const owner = [...lists].reverse().find((candidate) => candidate.nodes.length > 0);
      if (owner !== undefined) owner.selected = { infName: fileName(field[2]), section: null };
    } else if (selecting && field?.[1] === 'Section' && field[2] !== undefined) {
      const owner = [...lists].reverse().find((candidate) => candidate.selected !== null);
      if (owner?.selected) owner.selected.section = unbracket(field[2]);
      selecting = false;
    } else if (entry.startsWith('{Configure Driver Package: ')) {
      const opening = !entry.includes('exit');
      configuringInf = opening
        ? fileName(entry.slice('{Configure Driver Package: '.length, -1))
        : null;
      modelLine = null;
    } else if (configuringInf !== null && entry.startsWith('Section Name = ')) {
      modelLine = { section: entry.slice(15), hardwareId: '', compatibleIds: [] };
      modelLines.set(configuringInf, [...(modelLines.get(configuringInf) ?? []), modelLine]);
    } else if (modelLine !== null && entry.startsWith('Hardware Id  = ')) {
      modelLine.hardwareId = entry.slice(15);
    } else if (modelLine !== null && entry.startsWith('Compatible Id = ')) {
      modelLine.compatibleIds.push(entry.slice(16));
    }
  }

  return {
    osVersion: header('OS Version'),
    architecture: header('Architecture'),
    lists: lists.filter((found) => found.nodes.length > 0).map(freezeList),
    modelLines: new Map(
      [...modelLines].map(([inf, lines]) => [
        inf,
        lines.filter((line) => line.hardwareId !== '' || line.compatibleIds.length > 0),
      ]),
    ),
  };
}

function freezeList(list: MutableList): LoggedDriverList {
  return { ...list, nodes: list.nodes.map(nodeOf) };
}

function nodeOf(fields: Record<string, string>): LoggedDriverNode {
  const utlVersion = fields['Driver Version']?.split(',');
  const rawDate = fields['DrvDate'] ?? utlVersion?.[0] ?? '';
  const [month, day, year] = rawDate.split('/');
  const infField = fields['InfName'] ?? fields['Driver INF'] ?? '';
  const utlPath = /\((.*)\)/.exec(infField)?.[1];

  return {
    infId: fields['HardwareID'] ?? fields['Configuration'] ?? '',
    infName: fileName(utlPath ?? infField),
    section: fields['Section'] ?? null,
    rank: fields['Rank'] ?? `0x${fields['Driver Rank'] ?? ''}`,
    signer: (fields['Signer Score'] ?? '').replace(/\s*\(.*\)$/, ''),
    date: `${year}-${month}-${day}`,
    version: fields['Version'] ?? utlVersion?.[1] ?? '',
    status: fields['Status'] ?? null,
  };
}

function fileName(path: string): string {
  const bare = unbracket(path.trim());

  return (bare.split('\\').pop() ?? bare).toLowerCase();
}

function unbracket(text: string): string {
  return text.replace(/^\[|\]$/g, '');
}
