import type { DriverVer, InfModel, InfPlatform, InfWarning } from './types.js';
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

function parseFeatureScore(value: string, line: number, warnings: InfWarning[]): number | null {
  if (FEATURE_SCORE.test(value)) return Number.parseInt(value.replace(/^0x/i, ''), 16);

  warnings.push({ line, message: `FeatureScore "${value}" is not a hex byte; ignored` });

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

function createInstallReader(index: SectionIndex, substitute: Substitute, warnings: InfWarning[]) {
  const cache = new Map<string, InstallFeatures | null>();

  return (installSection: string, architectureText: string): InstallFeatures | null => {
    const name = installCandidates(installSection, architectureText).find((candidate) =>
      index.byName.has(candidate),
    );

    if (name === undefined) return null;

    const cached = cache.get(name);

    if (cached !== undefined) return cached;

    let featureScore: number | null = null;
    let driverVer: DriverVer | null = null;

    for (const entry of readEntries(index.text, index.byName.get(name)!, SPLIT, warnings)) {
      const key = entry.key?.toLowerCase();
      const fields = entry.fields.map((field) => substitute(field, entry.line));

      if (key === 'featurescore')
        featureScore = parseFeatureScore(fields[0] ?? '', entry.line, warnings);
      else if (key === 'driverver') driverVer = parseDriverVer(fields, entry.line, warnings);
    }

    const features = { featureScore, driverVer };

    cache.set(name, features);

    return features;
  };
}

function modelsSections(
  base: string,
  decorations: readonly string[],
  line: number,
  index: SectionIndex,
  warnings: InfWarning[],
) {
  const sections: ModelsSection[] = [];

  if (index.byName.has(base.toLowerCase())) {
    sections.push({ name: base, platform: UNDECORATED, architectureText: '' });
  } else if (decorations.length === 0) {
    warnings.push({ line, message: `models section [${base}] is missing` });
  }

  for (const decoration of decorations) {
    const parsed = parseDecoration(decoration);
    const name = `${base}.${decoration}`;

    if (parsed.problem) warnings.push({ line, message: parsed.problem });

    if (index.byName.has(name.toLowerCase())) {
      sections.push({ name, platform: parsed.platform, architectureText: parsed.architectureText });
    } else {
      warnings.push({ line, message: `models section [${name}] is missing` });
    }
  }

  return sections;
}

/** Resolves [Manufacturer] to its models sections and reads every model line in them. */
export function readModels(
  index: SectionIndex,
  substitute: Substitute,
  warnings: InfWarning[],
): ModelsResult {
  const manufacturers = index.byName.get('manufacturer');

  if (!manufacturers) return { models: [], manufacturerCount: 0, ntDecorated: false };

  const readInstall = createInstallReader(index, substitute, warnings);
  const missingInstall = new Set<string>();
  const models: InfModel[] = [];
  let manufacturerCount = 0;
  let ntDecorated = false;

  for (const entry of readEntries(index.text, manufacturers, SPLIT, warnings)) {
    const fields = entry.fields.map((field) => substitute(field, entry.line));
    const [base = '', ...decorations] = fields;
    const manufacturer = entry.key === null ? base : substitute(entry.key, entry.line);
    const written = decorations.filter((decoration) => decoration !== '');

    manufacturerCount++;
    ntDecorated ||= written.some((decoration) => decoration.toLowerCase().startsWith('nt'));

    if (base === '') {
      warnings.push({
        line: entry.line,
        message: `manufacturer ${manufacturer} names no models section`,
      });
      continue;
    }

    for (const section of modelsSections(base, written, entry.line, index, warnings)) {
      for (const line of readEntries(
        index.text,
        index.byName.get(section.name.toLowerCase())!,
        SPLIT,
        warnings,
      )) {
        const [installSection = '', hardwareId = '', ...rest] = line.fields.map((field) =>
          substitute(field, line.line),
        );

        if (installSection === '' || hardwareId === '') {
          warnings.push({
            line: line.line,
            message: 'model line has no install section or hardware ID; skipped',
          });
          continue;
        }

        const features = readInstall(installSection, section.architectureText);

        if (!features && !missingInstall.has(installSection.toLowerCase())) {
          missingInstall.add(installSection.toLowerCase());
          warnings.push({
            line: line.line,
            message: `install section [${installSection}] is missing`,
          });
        }

        models.push({
          manufacturer,
          manufacturerIndex: manufacturerCount - 1,
          section: section.name,
          platform: section.platform,
          description: line.key === null ? '' : substitute(line.key, line.line),
          installSection,
          hardwareId,
          compatibleIds: rest.filter((id) => id !== ''),
          featureScore: features?.featureScore ?? null,
          driverVer: features?.driverVer ?? null,
        });
      }
    }
  }

  return { models, manufacturerCount, ntDecorated };
}
