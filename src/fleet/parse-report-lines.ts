// JSON Lines import: one device report per line, each validated on its own so that one bad
// line does not spoil a file of thousands.
import { MAX_REPORT_JSON_LENGTH } from './report-limits.js';
import type { DeviceReport } from './report-types.js';
import { validateReport } from './validate-report.js';
import type { ReportError } from './validate-report.js';

export type ReportLine =
  | { readonly line: number; readonly report: DeviceReport }
  | { readonly line: number; readonly errors: readonly ReportError[] };

/** Yields one result per non-blank line; `line` is 1-based. */
export function* parseReportLines(text: string): Generator<ReportLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;

  while (start <= text.length) {
    const end = nextLineEnd(text, start);
    const content = text.slice(start, end).trim();
    line++;
    start = end + 1;
    if (content.length === 0) continue;

    yield { line, ...parseOne(content) };
  }
}

function parseOne(content: string): { report: DeviceReport } | { errors: readonly ReportError[] } {
  if (content.length > MAX_REPORT_JSON_LENGTH) {
    return {
      errors: [{ path: '$', message: `is longer than ${MAX_REPORT_JSON_LENGTH} characters` }],
    };
  }

  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return { errors: [{ path: '$', message: `is not valid JSON: ${(error as Error).message}` }] };
  }

  const result = validateReport(value);

  return result.ok ? { report: result.report } : { errors: result.errors };
}

function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);

  return end === -1 ? text.length : end;
}
