// docs/errors.md lists the error catalogue for people who write clients; this keeps the two from
// drifting apart in either direction.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { errorCatalogue } from '../../src/graph/errors.js';

interface DocumentedError {
  readonly kind: string;
  readonly status: number;
  readonly code: string;
  readonly template: string;
  readonly when: string;
}

const docPath = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));
const headingPattern = /^### `(\w+)` — (\d{3}) `(\w+)`$/;

/** Each entry is a heading, the template as one code span, then a paragraph on when. */
function readDocumentedErrors(markdown: string): DocumentedError[] {
  const sections = markdown.split(/\n(?=### )/).slice(1);

  return sections.map((section) => {
    const [heading = '', ...rest] = section.trim().split('\n');
    const match = headingPattern.exec(heading);
    assert.ok(
      match,
      `a catalogue heading should read "### \`kind\` — status \`Code\`": ${heading}`,
    );
    const [templateBlock = '', ...paragraphs] = rest
      .join('\n')
      .trim()
      .split(/\n\s*\n/);
    const template = /^`([^`]+)`$/.exec(templateBlock.trim())?.[1];
    assert.ok(template, `the entry ${match[1]} should give its template as one code span`);

    return {
      kind: match[1]!,
      status: Number(match[2]),
      code: match[3]!,
      template,
      when: paragraphs.join(' ').replace(/\s+/g, ' ').trim(),
    };
  });
}

describe('docs/errors.md', () => {
  const documented = readDocumentedErrors(readFileSync(docPath, 'utf8'));

  test('lists every catalogue entry once, in the catalogue order', () => {
    assert.deepEqual(
      documented.map((entry) => entry.kind),
      Object.keys(errorCatalogue),
    );
  });

  test('gives each entry the status, code and message template of the catalogue', () => {
    for (const entry of documented) {
      const source = errorCatalogue[entry.kind as keyof typeof errorCatalogue];
      assert.ok(source, `${entry.kind} is documented but not in the catalogue`);
      assert.deepEqual(
        { status: entry.status, code: entry.code, template: entry.template },
        { status: source.status, code: source.code, template: source.template },
        entry.kind,
      );
    }
  });

  test('says when each error happens', () => {
    for (const entry of documented) {
      assert.ok(entry.when.length >= 20, `${entry.kind} does not say when it happens`);
    }
  });
});
