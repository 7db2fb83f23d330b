import type { Architecture, InfDocument, InfWarning } from './types.js';
import type { PendingWarning } from './pending-warning.js';
import { decodeInfBytes } from './decode-inf-bytes.js';
import { detectKind } from './detect-kind.js';
import { findTemplates, stampArchitecture } from './find-templates.js';
import { indexSections } from './index-sections.js';
import { withLineNumbers } from './pending-warning.js';
import { readModels } from './read-models.js';
import { readVersion } from './read-version.js';
import { buildStringTable, createSubstitute } from './string-table.js';

export interface ReadInfOptions {
  /** Stamps stampinf's `$ARCH$` with this architecture. */
  readonly arch?: Architecture;
  /** LCID of the [Strings.LCID] section to prefer (`0407`); neutral strings otherwise. */
  readonly locale?: string;
}

function byLine(a: InfWarning, b: InfWarning): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Reads an INF file the way Windows setup does and says what it offers. Only input that is not
 * text throws (InfReadError); every other problem comes back as a warning with its line.
 */
export function readInf(bytes: Uint8Array, options: ReadInfOptions = {}): InfDocument {
  const decoded = decodeInfBytes(bytes);
  const warnings: PendingWarning[] = decoded.warnings.map(({ message }) => ({ at: null, message }));
  const text = stampArchitecture(decoded.text, options.arch);
  const index = indexSections(text, warnings);
  const substitute = createSubstitute(buildStringTable(index, options.locale, warnings), warnings);
  const version = readVersion(index, substitute, warnings);
  const { models, manufacturerCount, ntDecorated } = readModels(index, substitute, warnings);
  const unresolvedTemplates = findTemplates(text, warnings);
  const { kind, reason } = detectKind({
    index,
    version,
    modelCount: models.length,
    manufacturerCount,
    ntDecorated,
  });
  const essentials =
    version.signature !== null &&
    (version.class !== null || version.classGuid !== null) &&
    version.driverVer.date !== null &&
    version.driverVer.version !== null;

  return {
    kind,
    kindReason: reason,
    signature: version.signature,
    class: version.class,
    classGuid: version.classGuid,
    provider: version.provider,
    driverVer: version.driverVer,
    extensionId: version.extensionId,
    pnpLockdown: version.pnpLockdown,
    driverPackageType: version.driverPackageType,
    catalogFiles: version.catalogFiles,
    models,
    unresolvedTemplates,
    deployable: kind === 'driver' && essentials && unresolvedTemplates.length === 0,
    encoding: decoded.encoding,
    warnings: withLineNumbers(text, warnings).sort(byLine),
  };
}
