import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PendingWarning } from './pending-warning.js';
import { indexSections } from './index-sections.js';

function index(text: string) {
  const warnings: PendingWarning[] = [];

  return { index: indexSections(text, warnings), warnings };
}

function bodyOf(text: string, key: string): string[] {
  const section = indexSections(text, []).get(key);

  return (section?.ranges ?? []).map((range) => text.slice(range.start, range.end));
}

describe('indexSections', () => {
  test('a section written twice in different case is one section named as first written', () => {
    const text = '[Models]\na=1\n[Other]\nb=2\n[MODELS]\nc=3\n';
    const section = index(text).index.get('models');

    assert.equal(section?.name, 'Models');
    assert.equal(section?.at, 0);
    assert.deepEqual(bodyOf(text, 'models'), ['a=1\n', 'c=3\n']);
  });

  test('a bracket on a line continued by a backslash does not start a section', () => {
    const text = '[A]\nx=1,\\\n[B]\n[C]\ny=2';

    assert.equal(index(text).index.has('b'), false);
    assert.deepEqual(bodyOf(text, 'a'), ['x=1,\\\n[B]\n']);
    assert.deepEqual(bodyOf(text, 'c'), ['y=2']);
  });

  test('a backslash inside a comment does not hide the next header', () => {
    const text = '[A]\nx=1 ; path\\\n[B]\ny=2\n';

    assert.deepEqual(bodyOf(text, 'b'), ['y=2\n']);
  });

  test('brackets that do not open a line are not headers', () => {
    const text = '[A]\nkey = "[B]" ; [C]\n  [D]\t\n';

    assert.deepEqual(index(text).index.keys(), ['a', 'd']);
  });

  test('names compare case-insensitively, also when lower-casing lengthens them', () => {
    const text = '[Inst.NTamd64]\n[\u0130nst]\n';
    const { index: sections } = index(text);

    assert.equal(sections.get('inst.ntamd64')?.name, 'Inst.NTamd64');
    assert.equal(sections.get('\u0130nst'.toLowerCase())?.name, '\u0130nst');
    assert.equal(sections.get('inst'), undefined);
  });

  test('text before the first header and after a header are warnings at their offsets', () => {
    const text = '; comment\nstray\n[A] extra\n';

    assert.deepEqual(index(text).warnings, [
      { at: 16, message: 'text after section header ignored: extra' },
      { at: 10, message: 'text before the first section header ignored' },
    ]);
  });

  test('sections are found by name alike before and after many lookups map the names', () => {
    const names = Array.from({ length: 60 }, (_, i) => `[Install_${i}.NT]\nkey=${i}\n`);

    for (const dotted of ['', '[\u0130nst]\n']) {
      const text = `${names.join('')}[INSTALL_7.nt]\nmore=7\n${dotted}`;
      const { index: sections } = index(text);
      const look = () => ({
        merged: sections
          .get('install_7.nt')
          ?.ranges.map((range) => text.slice(range.start, range.end)),
        named: sections.get('install_59.nt')?.name,
        absent: sections.get('install_60.nt'),
        dotted: sections.has('\u0130nst'.toLowerCase()),
      });
      const first = look();

      for (let i = 0; i < 100; i++) sections.get(`install_${i}.nt`);

      assert.deepEqual(first, {
        merged: ['key=7\n', 'more=7\n'],
        named: 'Install_59.NT',
        absent: undefined,
        dotted: dotted !== '',
      });
      assert.deepEqual(look(), first);
    }
  });

  test('a header without a closing bracket is read to the end of its line', () => {
    const { index: sections, warnings } = index('[Version\nSignature=x\n');

    assert.equal(sections.get('version')?.name, 'Version');
    assert.deepEqual(warnings, [
      { at: 0, message: 'section header has no closing ]; read to the end of line' },
    ]);
  });
});
