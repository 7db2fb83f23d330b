import type { DriverVer } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import type { InfSection, SectionIndex } from './index-sections.js';
import type { Substitute } from './string-table.js';
import { parseEntry } from './read-entries.js';
import { visitLines } from './visit-lines.js';
import { parseDriverVer } from './parse-driver-ver.js';

/** What a model's install section says about ranking: its FeatureScore and DriverVer. */
export interface InstallFeatures {
  readonly featureScore: number | null;
  readonly driverVer: DriverVer | null;
}

/** The features of an install section named in a models section of that architecture. */
export type InstallReader = (
  installSection: string,
  architectureText: string,
) => InstallFeatures | null;

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
): InfSection | undefined {
  const arch = architectureText === '' ? 'x86' : architectureText;

  return (
    index.get(`${installSection}.nt${arch}`.toLowerCase()) ??
    index.get(`${installSection}.nt`.toLowerCase()) ??
    index.get(installSection.toLowerCase())
  );
}

// Only FeatureScore and DriverVer matter in an install section. A line without quotes or
// tokens can neither warn nor hide its key, so its key's length is all that is looked at; the
// others are read in full, for their warnings.
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
  section: InfSection,
  substitute: Substitute,
  warnings: PendingWarning[],
): InstallFeatures {
  let featureScore: number | null = null;
  let driverVer: DriverVer | null = null;

  visitLines(index.text, section, (content, at) => {
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

/**
 * Model lines repeat install sections, so each is resolved once per models-section
 * architecture and read once per section it resolves to.
 */
export function createInstallReader(
  index: SectionIndex,
  substitute: Substitute,
  warnings: PendingWarning[],
): InstallReader {
  const bySection = new Map<InfSection, InstallFeatures>();
  const byArchitecture = new Map<string, Map<string, InstallFeatures | null>>();

  return (installSection, architectureText) => {
    let resolved = byArchitecture.get(architectureText);

    if (resolved === undefined) {
      resolved = new Map();
      byArchitecture.set(architectureText, resolved);
    }

    const known = resolved.get(installSection);

    if (known !== undefined) return known;

    const section = installSectionOf(index, installSection, architectureText);
    let features: InstallFeatures | null = null;

    if (section !== undefined) {
      features =
        bySection.get(section) ?? readInstallFeatures(index, section, substitute, warnings);
      bySection.set(section, features);
    }

    resolved.set(installSection, features);

    return features;
  };
}
