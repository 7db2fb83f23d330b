import type { DriverVer, InfModel, InfPlatform } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import { readEntries } from './read-entries.js';
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

function parseFeatureScore(value: string, at: number, warnings: PendingWarning[]): number | null {
  if (FEATURE_SCORE.test(value)) return Number.parseInt(value.replace(/^0x/i, ''), 16);

  warnings.push({ at, message: `FeatureScore "${value}" is not a hex byte; ignored` });

  return null;
}

// Windows installs from the most specific DDInstall section that exists: `.NT<arch>`, then
// `.NT`, then the plain name. Undecorated models sections run on x86 only.
function installCandidates(installSection: string, architectureText: string): string[] {
  const arch = architectureText === '' ? 'x86' : architectureText;

  return [`${installSection}.nt${arch}`, `${installSection}.nt`, installSection].map((name) =>
    name.toLowerCase(),
  );
}

function createInstallReader(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
) {
  const cache = new Map<string, InstallFeatures | null>();

  return (installSection: string, architectureText: string): InstallFeatures | null => {
    const name = installCandidates(installSection, architectureText).find((candidate) =>
      index.has(candidate),
    );

    if (name === undefined) return null;

    const cached = cache.get(name);

    if (cached !== undefined) return cached;

    let featureScore: number | null = null;
    let driverVer: DriverVer | null = null;

    for (const entry of readEntries(index.text, index.get(name)!, SPLIT, warnings)) {
      const key = entry.key?.toLowerCase();
      const fields = entry.fields.map((field) => substitute(field, entry.at));

      if (key === 'featurescore')
        featureScore = parseFeatureScore(fields[0] ?? '', entry.at, warnings);
      else if (key === 'driverver') driverVer = parseDriverVer(fields, entry.at, warnings);
    }

    const features = { featureScore, driverVer };

    cache.set(name, features);

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

function readModelLines(
  context: ModelsContext,
  manufacturer: string,
  manufacturerIndex: number,
  section: ModelsSection,
): InfModel[] {
  const { index, substitute, warnings } = context;
  const body = index.get(section.name.toLowerCase())!;
  const models: InfModel[] = [];

  for (const line of readEntries(index.text, body, SPLIT, warnings)) {
    const fields = line.fields.map((field) => substitute(field, line.at));
    const [installSection = '', hardwareId = '', ...compatibleIds] = fields;

    if (installSection === '' || hardwareId === '') {
      const message = 'model line has no install section or hardware ID; skipped';

      warnings.push({ at: line.at, message });
      continue;
    }

    const features = context.readInstall(installSection, section.architectureText);
    const installKey = installSection.toLowerCase();

    if (!features && !context.missingInstall.has(installKey)) {
      context.missingInstall.add(installKey);
      warnings.push({ at: line.at, message: `install section [${installSection}] is missing` });
    }

    models.push({
      manufacturer,
      manufacturerIndex,
      section: section.name,
      platform: section.platform,
      description: line.key === null ? '' : substitute(line.key, line.at),
      installSection,
      hardwareId,
      compatibleIds: compatibleIds.filter((id) => id !== ''),
      featureScore: features?.featureScore ?? null,
      driverVer: features?.driverVer ?? null,
    });
  }

  return models;
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
    const [base = '', ...decorations] = entry.fields.map((field) => substitute(field, entry.at));
    const manufacturer = entry.key === null ? base : substitute(entry.key, entry.at);
    const written = decorations.filter((decoration) => decoration !== '');
    const manufacturerIndex = manufacturerCount++;

    ntDecorated ||= written.some((decoration) => decoration.toLowerCase().startsWith('nt'));

    if (base === '') {
      const message = `manufacturer ${manufacturer} names no models section`;

      warnings.push({ at: entry.at, message });
      continue;
    }

    for (const section of modelsSections(base, written, entry.at, index, warnings)) {
      models.push(...readModelLines(context, manufacturer, manufacturerIndex, section));
    }
  }

  return { models, manufacturerCount, ntDecorated };
}
