import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgressBar, progressLine } from '../../src/cli/progress-bar.js';

function stream(isTTY: boolean) {
  const written: string[] = [];

  return { written, isTTY, columns: 60, write: (text: string) => written.push(text) > 0 };
}

describe('progress bar', () => {
  test('draws nothing when the stream is not a terminal', () => {
    const out = stream(false);
    const bar = createProgressBar(out);

    bar.update(1, 2, 'a.inf');
    bar.finish();

    assert.deepEqual(out.written, []);
  });

  test('redraws one line at most every 80 ms and always draws the end', () => {
    const out = stream(true);
    let clock = 0;
    const bar = createProgressBar(out, () => clock);

    bar.update(0, 4, 'a.inf');
    clock = 10;
    bar.update(1, 4, 'b.inf');
    clock = 100;
    bar.update(2, 4, 'c.inf');
    clock = 101;
    bar.update(4, 4, '');
    bar.finish();

    assert.equal(out.written.length, 4);
    assert.match(out.written[1]!, /c\.inf$/);
    assert.equal(out.written[3], '\r\u001b[2K');
  });

  test('a line shows the share done and fits the terminal', () => {
    assert.equal(
      progressLine(6, 12, 'x.inf', 80),
      `[${'#'.repeat(12)}${'-'.repeat(12)}]  6/12 x.inf`,
    );
    assert.equal(progressLine(1, 1, 'a'.repeat(100), 40).length, 39);
  });
});
