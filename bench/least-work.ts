// Two parts of INF reading that no reader can skip, each timed on its own beside readInf: the
// parsing that finds sections and cuts lines, and the building of the readings it returns.
// Neither reads INF files correctly; they give the least time that work could take.
import type { DriverVer, InfDocument, InfModel, InfPlatform } from '../src/inf/index.js';
import { decodeOnly } from './decode-only.js';

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

// Offsets of every header's `[` and `]`, found by jumping from `[` to `[` as readInf does.
function headerOffsets(text: string): number[] {
  const offsets: number[] = [];
  let open = text.indexOf('[');

  while (open >= 0) {
    let before = open - 1;
    let code = LF;

    while (before >= 0 && ((code = text.charCodeAt(before)) === SPACE || code === TAB)) before--;

    const close = text.indexOf(']', open);

    if (close < 0) break;
    if (before < 0 || code === LF || code === CR) offsets.push(open, close);
    open = text.indexOf('[', close);
  }

  return offsets;
}

function isVersionOrManufacturer(text: string, open: number, close: number): boolean {
  const length = close - open - 1;

  if (length !== 7 && length !== 12) return false;

  const name = text.slice(open + 1, close).toLowerCase();

  return name === 'version' || name === 'manufacturer';
}

function splitLines(text: string, start: number, end: number, pieces: string[]): void {
  let pos = start;

  while (pos < end) {
    let lineEnd = text.indexOf('\n', pos);

    if (lineEnd < 0 || lineEnd > end) lineEnd = end;

    const equals = text.indexOf('=', pos);

    if (equals >= 0 && equals < lineEnd) {
      pieces.push(text.slice(pos, equals).trim(), text.slice(equals + 1, lineEnd).trim());
    }
    pos = lineEnd + 1;
  }
}

/**
 * Decodes, finds every section header, and cuts each line of [Version] and [Manufacturer] at
 * its `=` into a trimmed key and value: no comments, quotes, continuations or strings.
 */
export function leastParsing(bytes: Uint8Array): string[] {
  const text = decodeOnly(bytes);
  const headers = headerOffsets(text);
  const pieces: string[] = [];

  for (let i = 0; i < headers.length; i += 2) {
    const open = headers[i] as number;
    const close = headers[i + 1] as number;

    if (!isVersionOrManufacturer(text, open, close)) continue;

    const bodyEnd = i + 2 < headers.length ? (headers[i + 2] as number) : text.length;
    const bodyStart = text.indexOf('\n', close) + 1;

    if (bodyStart > 0) splitLines(text, bodyStart, bodyEnd, pieces);
  }

  return pieces;
}

// A string of a reading, as the offsets in the decoded text where it is found, or itself when
// the text does not hold it (composed warnings, substituted values joined from fields).
type Cut = readonly [number, number] | string | null;

interface PlannedModel {
  readonly model: InfModel;
  readonly platform: number;
  readonly strings: readonly Cut[];
  /** The hardware ID, then the compatible IDs. */
  readonly ids: readonly Cut[];
  readonly driverVer: readonly Cut[] | null;
}

/** A reading taken apart into what building it again needs. */
export interface BuildPlan {
  readonly bytes: Uint8Array;
  readonly reading: InfDocument;
  readonly strings: readonly Cut[];
  readonly templates: readonly Cut[];
  readonly catalogFiles: readonly (readonly Cut[])[];
  readonly platforms: readonly InfPlatform[];
  readonly models: readonly PlannedModel[];
}

function cutOf(text: string, value: string | null): Cut {
  if (value === null) return null;

  const at = text.indexOf(value);

  return at < 0 ? value : [at, at + value.length];
}

function driverVerCuts(text: string, driverVer: DriverVer): Cut[] {
  return [cutOf(text, driverVer.date), cutOf(text, driverVer.version)];
}

function planModel(text: string, model: InfModel, platforms: InfPlatform[]): PlannedModel {
  if (!platforms.includes(model.platform)) platforms.push(model.platform);

  return {
    model,
    platform: platforms.indexOf(model.platform),
    strings: [model.manufacturer, model.section, model.description, model.installSection].map(
      (value) => cutOf(text, value),
    ),
    ids: [model.hardwareId, ...model.compatibleIds].map((id) => cutOf(text, id)),
    driverVer: model.driverVer === null ? null : driverVerCuts(text, model.driverVer),
  };
}

/** Records where each string of `reading` lies in the text of `bytes`. */
export function planBuilding(bytes: Uint8Array, reading: InfDocument): BuildPlan {
  const text = decodeOnly(bytes);
  const platforms: InfPlatform[] = [];
  const strings = [
    reading.signature,
    reading.class,
    reading.classGuid,
    reading.provider,
    reading.extensionId,
    reading.driverPackageType,
    reading.kindReason,
    reading.driverVer.date,
    reading.driverVer.version,
  ];

  return {
    bytes,
    reading,
    strings: strings.map((value) => cutOf(text, value)),
    templates: reading.unresolvedTemplates.map((marker) => cutOf(text, marker)),
    catalogFiles: reading.catalogFiles.map(({ platform, file }) => [
      cutOf(text, platform),
      cutOf(text, file),
    ]),
    platforms,
    models: reading.models.map((model) => planModel(text, model, platforms)),
  };
}

function cut(text: string, piece: Cut | undefined): string | null {
  if (piece === null || piece === undefined || typeof piece === 'string') return piece ?? null;

  return text.slice(piece[0], piece[1]);
}

function buildPlatform(platform: InfPlatform): InfPlatform {
  return {
    architecture: platform.architecture,
    osMajor: platform.osMajor,
    osMinor: platform.osMinor,
    productType: platform.productType,
    suiteMask: platform.suiteMask,
    build: platform.build,
  };
}

function buildDriverVer(text: string, cuts: readonly Cut[], from: number): DriverVer {
  return { date: cut(text, cuts[from]), version: cut(text, cuts[from + 1]) };
}

function buildModel(text: string, planned: PlannedModel, platforms: InfPlatform[]): InfModel {
  const { model, strings, driverVer } = planned;
  const ids = planned.ids.map((id) => cut(text, id) as string);

  return {
    manufacturer: cut(text, strings[0]) as string,
    manufacturerIndex: model.manufacturerIndex,
    section: cut(text, strings[1]) as string,
    platform: platforms[planned.platform] as InfPlatform,
    description: cut(text, strings[2]) as string,
    installSection: cut(text, strings[3]) as string,
    hardwareId: ids[0] as string,
    compatibleIds: ids.slice(1),
    featureScore: model.featureScore,
    driverVer: driverVer === null ? null : buildDriverVer(text, driverVer, 0),
  };
}

/** Decodes the plan's bytes and builds its reading again, every string cut from the text. */
export function buildFromPlan(plan: BuildPlan): InfDocument {
  const text = decodeOnly(plan.bytes);
  const { reading, strings } = plan;
  const platforms = plan.platforms.map(buildPlatform);

  return {
    kind: reading.kind,
    kindReason: cut(text, strings[6]),
    signature: cut(text, strings[0]),
    class: cut(text, strings[1]),
    classGuid: cut(text, strings[2]),
    provider: cut(text, strings[3]),
    driverVer: buildDriverVer(text, strings, 7),
    extensionId: cut(text, strings[4]),
    pnpLockdown: reading.pnpLockdown,
    driverPackageType: cut(text, strings[5]),
    catalogFiles: plan.catalogFiles.map((file) => ({
      platform: cut(text, file[0]),
      file: cut(text, file[1]) as string,
    })),
    models: plan.models.map((model) => buildModel(text, model, platforms)),
    unresolvedTemplates: plan.templates.map((marker) => cut(text, marker) as string),
    deployable: reading.deployable,
    encoding: reading.encoding,
    warnings: reading.warnings.map(({ line, message }) => ({ line, message })),
  };
}
