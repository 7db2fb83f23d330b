import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseReportLines } from '../../src/fleet/parse-report-lines.js';
import { sampleReport } from './sample-report.js';

test('validates each line on its own and numbers results by line, skipping blank lines', () => {
  const good = JSON.stringify(sampleReport());
  const text = `\uFEFF${good}\r\n\n{"deviceId": 1}\n{not json\n${good}\n`;
  const results = [...parseReportLines(text)];

  assert.deepEqual(
    results.map((result) => [result.line, 'report' in result]),
    [
      [1, true],
      [3, false],
      [4, false],
      [5, true],
    ],
  );
  assert.ok('errors' in results[1]! && results[1].errors.some((e) => e.path === '$.deviceId'));
  assert.ok(
    'errors' in results[2]! && results[2].errors[0]?.message.startsWith('is not valid JSON'),
  );
});
