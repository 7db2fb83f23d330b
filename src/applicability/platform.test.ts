import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseDecoration,
  decorationMismatch,
  formatDecoration,
  osTargetOf,
  type Decoration,
  type OsTarget,
} from './platform.js';

function decoration(text: string): Decoration {
  const [head = 'NT', major, minor, productType, , build] = text.split('.');
  const architecture = head.slice(2).toLowerCase() || null;
  const number = (value: string | undefined): number | null =>
    value === undefined || value === '' ? null : Number(value);

  return {
    architecture: architecture as Decoration['architecture'],
    osMajor: number(major),
    osMinor: number(minor),
    productType: number(productType),
    build: number(build),
  };
}

function os(version: string, architecture: OsTarget['architecture'] = 'amd64'): OsTarget {
  const target = osTargetOf({ version, architecture: architecture as 'amd64' });
  assert.ok(target);

  return target;
}

function chosen(decorations: readonly string[], target: OsTarget): string | null {
  const found = chooseDecoration(decorations.map(decoration), target);

  return found === null ? null : formatDecoration(found);
}

describe('decoration choice', () => {
  test('takes the highest decoration not above the running OS', () => {
    const sections = ['NTamd64', 'NTamd64.6.3', 'NTamd64.10.0', 'NTamd64.10.0...22000'];

    assert.equal(chosen(sections, os('10.0.22631.4602')), 'NTamd64.10.0...22000');
    assert.equal(chosen(sections, os('10.0.19045.1')), 'NTamd64.10.0');
    assert.equal(chosen(sections, os('6.3.9600')), 'NTamd64.6.3');
  });

  test('compares the build only when major.minor equal the OS', () => {
    const target = os('10.0.19045');

    assert.equal(decorationMismatch(decoration('NTamd64.6.3...99999'), target), null);
    assert.match(decorationMismatch(decoration('NTamd64.10.0...22000'), target) ?? '', /build/);
  });

  test('an undecorated or bare NT section serves x86 only', () => {
    assert.equal(chosen(['NT', 'NTx86'], os('10.0.19045', 'x86')), 'NTx86');
    assert.equal(chosen(['NT'], os('10.0.19045', 'x86')), 'NT');
    assert.equal(chosen(['NT'], os('10.0.19045', 'amd64')), null);
  });

  test('an arm64 machine does not take amd64 sections', () => {
    const sections = ['NTamd64.10.0', 'NTarm64.10.0'];

    assert.equal(chosen(sections, os('10.0.22631', 'arm64')), 'NTarm64.10.0');
    assert.equal(chosen(['NTamd64.10.0'], os('10.0.22631', 'arm64')), null);
  });

  test('a product type, when given, must be the workstation type', () => {
    assert.equal(chosen(['NTamd64.10.0.3'], os('10.0.22631')), null);
    assert.equal(chosen(['NTamd64.10.0.1', 'NTamd64.10.0'], os('10.0.22631')), 'NTamd64.10.0.1');
  });

  test('reads OS versions with or without a revision and rejects others', () => {
    assert.equal(osTargetOf({ version: '10.0.22631', architecture: 'amd64' })?.build, 22631);
    assert.equal(osTargetOf({ version: 'ten', architecture: 'amd64' }), null);
  });
});
