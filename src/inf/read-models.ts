import type { DriverVer, InfModel, InfPlatform } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import { parseEntry, readEntries, visitLines } from './read-entries.js';
import { parseDecoration, UNDECORATED } from './parse-decoration.js';
import { parseDriverVer } from './parse-driver-ver.js';

export interface ModelsResult {
  readonly models: readonly InfModel[];
  /** Number of [Manufacturer] entries read. */
  readonly manufacturerCount: number;
  /** True when some [Manufacturer] entry names an NT platform, which 9x INFs never do. */
  readonly ntDecorated: boolean;
}

interface InstallFeatures {
  readonly featureScore: number | null;
  readonly driverVer: DriverVer | null;
}

interface ModelsSection {
  readonly name: string;
  readonly platform: InfPlatform;
  readonly architectureText: string;
}

const FEATURE_SCORE = /^(0x)?[0-9a-f]{1,2}$/i;
const SPLIT = { splitFields: true } as const;
const FEATURE_SCORE_KEY = 'featurescore';
const DRIVER_VER_KEY = 'driverver';

function parseFeatureScore(value: string, at: number, warnings: PendingWarning[]): number | null {
  if (FEATURE_SCORE.test(value)) return Number.parseInt(value.replace(/^0x/i, ''), 16);

  warnings.push({ at, message: `FeatureScore "${value}" is not a hex byte; ignored` });

  return null;
}

// Windows installs from the most specific DDInstall section that exists: `.NT<arch>`, then
// `.NT`, then the plain name. Undecorated models sections run on x86 only.
function installSectionOf(
  index: SectionIndex,
  installSection: string,
  architectureText: string,
): string | undefined {
  const arch = architectureText === '' ? 'x86' : architectureText;
  const forArch = `${installSection}.nt${arch}`.toLowerCase();

  if (index.has(forArch)) return forArch;

  const forNt = `${installSection}.nt`.toLowerCase();

  if (index.has(forNt)) return forNt;

  const plain = installSection.toLowerCase();

  return index.has(plain) ? plain : undefined;
}

// Only FeatureScore and DriverVer matter in an install section. A line without quotes or
// tokens can neither warn nor hide its key, so its key is all that is looked at; the others
// are read in full, for their warnings.
function mayNameFeature(content: string): boolean {
  const equals = content.indexOf('=');

  if (equals < 0) return false;

  const comma = content.indexOf(',');

  if (comma >= 0 && comma < equals) return false;

  const length = content.slice(0, equals).trimEnd().length;

  return length === FEATURE_SCORE_KEY.length || length === DRIVER_VER_KEY.length;
}

function readInstallFeatures(
  index: SectionIndex,
  name: string,
  substitute: Substitute,
  warnings: PendingWarning[],
): InstallFeatures {
  let featureScore: number | null = null;
  let driverVer: DriverVer | null = null;

  visitLines(index.text, index.get(name)!, (content, at) => {
    const plain = !content.includes('"') && !content.includes('%');

    if (plain && !mayNameFeature(content)) return;

    const entry = parseEntry(content, at, SPLIT, warnings);
    const key = entry.key?.toLowerCase();
    const fields = plain ? entry.fields : entry.fields.map((field) => substitute(field, at));

    if (key === FEATURE_SCORE_KEY) featureScore = parseFeatureScore(fields[0] ?? '', at, warnings);
    else if (key === DRIVER_VER_KEY) driverVer = parseDriverVer(fields, at, warnings);
  });

  return { featureScore, driverVer };
}

// Model lines repeat install sections, so each is resolved once per models section
// architecture and read once per resolved name.
function createInstallReader(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
) {
  const byName = new Map<string, InstallFeatures>();
  const byArchitecture = new Map<string, Map<string, InstallFeatures | null>>();

  return (installSection: string, architectureText: string): InstallFeatures | null => {
    let resolved = byArchitecture.get(architectureText);

    if (resolved === undefined) {
      resolved = new Map();
      byArchitecture.set(architectureText, resolved);
    }

    const known = resolved.get(installSection);

    if (known !== undefined) return known;

    const name = installSectionOf(index, installSection, architectureText);
    let features: InstallFeatures | null = null;

    if (name !== undefined) {
      features = byName.get(name) ?? readInstallFeatures(index, name, substitute, warnings);
      byName.set(name, features);
    }

    resolved.set(installSection, features);

    return features;
  };
}

function modelsSections(
  base: string,
  decorations: readonly string[],
  at: number,
  index: SectionIndex,
  warnings: PendingWarning[],
) {
  const sections: ModelsSection[] = [];

  if (index.has(base.toLowerCase())) {
    sections.push({ name: base, platform: UNDECORATED, architectureText: '' });
  } else if (decorations.length === 0) {
    warnings.push({ at, message: `models section [${base}] is missing` });
  }

  for (const decoration of decorations) {
    const parsed = parseDecoration(decoration);
    const name = `${base}.${decoration}`;

    if (parsed.problem) warnings.push({ at, message: parsed.problem });

    if (index.has(name.toLowerCase())) {
      sections.push({ name, platform: parsed.platform, architectureText: parsed.architectureText });
    } else {
      warnings.push({ at, message: `models section [${name}] is missing` });
    }
  }

  return sections;
}

interface ModelsContext {
  readonly index: SectionIndex;
  readonly substitute: Substitute;
  readonly warnings: PendingWarning[];
  readonly readInstall: (
    installSection: string,
    architectureText: string,
  ) => InstallFeatures | null;
  readonly missingInstall: Set<string>;
}

function substituteAll(fields: string[], substitute: Substitute, at: number): string[] {
  for (let i = 0; i < fields.length; i++) fields[i] = substitute(fields[i] as string, at);

  return fields;
}

function compatibleIdsOf(fields: readonly string[]): string[] {
  const ids: string[] = [];

  for (let i = 2; i < fields.length; i++) {
    if (fields[i] !== '') ids.push(fields[i] as string);
  }

  return ids;
}

function readModelLines(
  context: ModelsContext,
  manufacturer: string,
  manufacturerIndex: number,
  section: ModelsSection,
  models: InfModel[],
): void {
  const { index, substitute, warnings } = context;
  const body = index.get(section.name.toLowerCase())!;

  visitLines(index.text, body, (content, at) => {
    const line = parseEntry(content, at, SPLIT, warnings);
    const fields = substituteAll(line.fields as string[], substitute, at);
    const installSection = fields[0] ?? '';
    const hardwareId = fields[1] ?? '';

    if (installSection === '' || hardwareId === '') {
      const message = 'model line has no install section or hardware ID; skipped';

      warnings.push({ at, message });

      return;
    }

    const features = context.readInstall(installSection, section.architectureText);

    if (!features) {
      const installKey = installSection.toLowerCase();

      if (!context.missingInstall.has(installKey)) {
        context.missingInstall.add(installKey);
        warnings.push({ at, message: `install section [${installSection}] is missing` });
      }
    }

    models.push({
      manufacturer,
      manufacturerIndex,
      section: section.name,
      platform: section.platform,
      description: line.key === null ? '' : substitute(line.key, at),
      installSection,
      hardwareId,
      compatibleIds: compatibleIdsOf(fields),
      featureScore: features?.featureScore ?? null,
      driverVer: features?.driverVer ?? null,
    });
  });
}

/** Resolves [Manufacturer] to its models sections and reads every model line in them. */
export function readModels(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
): ModelsResult {
  const manufacturers = index.get('manufacturer');

  if (!manufacturers) return { models: [], manufacturerCount: 0, ntDecorated: false };

  const context: ModelsContext = {
    index,
    substitute,
    warnings,
    readInstall: createInstallReader(index, substitute, warnings),
    missingInstall: new Set(),
  };
  const models: InfModel[] = [];
  let manufacturerCount = 0;
  let ntDecorated = false;

  for (const entry of readEntries(index.text, manufacturers, SPLIT, warnings)) {
    const fields = substituteAll(entry.fields as string[], substitute, entry.at);
    const base = fields[0] ?? '';
    const manufacturer = entry.key === null ? base : substitute(entry.key, entry.at);
    const written = fields.slice(1).filter((decoration) => decoration !== '');
    const manufacturerIndex = manufacturerCount++;

    ntDecorated ||= written.some((decoration) => decoration.toLowerCase().startsWith('nt'));

    if (base === '') {
      const message = `manufacturer ${manufacturer} names no models section`;

      warnings.push({ at: entry.at, message });
      continue;
    }

    for (const section of modelsSections(base, written, entry.at, index, warnings)) {
      readModelLines(context, manufacturer, manufacturerIndex, section, models);
    }
  }

  return { models, manufacturerCount, ntDecorated };
}
