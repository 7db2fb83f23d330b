import type { InfModel, InfPlatform } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { InfSection, SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import type { InstallReader } from './read-install-features.js';
import { parseEntry, readEntries } from './read-entries.js';
import { visitLines } from './visit-lines.js';
import { parseDecoration, startsWithNt, UNDECORATED } from './parse-decoration.js';
import { createInstallReader } from './read-install-features.js';

const SPLIT = { splitFields: true } as const;

export interface ModelsResult {
  readonly models: readonly InfModel[];
  /** Number of [Manufacturer] entries read. */
  readonly manufacturerCount: number;
  /** True when some [Manufacturer] entry names an NT platform, which 9x INFs never do. */
  readonly ntDecorated: boolean;
}

interface ModelsSection {
  readonly name: string;
  readonly body: InfSection;
  readonly platform: InfPlatform;
  readonly architectureText: string;
}

function modelsSections(
  base: string,
  decorations: readonly string[],
  at: number,
  index: SectionIndex,
  warnings: PendingWarning[],
) {
  const sections: ModelsSection[] = [];

  const undecorated = index.get(base.toLowerCase());

  if (undecorated) {
    sections.push({ name: base, body: undecorated, platform: UNDECORATED, architectureText: '' });
  } else if (decorations.length === 0) {
    warnings.push({ at, message: `models section [${base}] is missing` });
  }

  for (const decoration of decorations) {
    const parsed = parseDecoration(decoration);
    const name = `${base}.${decoration}`;

    if (parsed.problem) warnings.push({ at, message: parsed.problem });

    const body = index.get(name.toLowerCase());

    if (body) {
      const { platform, architectureText } = parsed;

      sections.push({ name, body, platform, architectureText });
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
  readonly readInstall: InstallReader;
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
  visitLines(index.text, section.body, (content, at) => {
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

    ntDecorated ||= written.some(startsWithNt);

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
