import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { groupPackageFiles, type PackageSource } from './group-package-files.js';

const source = (path: string): PackageSource => ({ path, read: async () => new Uint8Array() });

describe('groupPackageFiles', () => {
  test('packs each INF with the non-INF files of its own folder', () => {
    const files = ['a/net.inf', 'a/net.sys', 'a/net.cat', 'b/disp.INF', 'b/disp.dll', 'a/x/y.sys'];
    const groups = groupPackageFiles(files.map(source)).map((group) => ({
      inf: group.inf.path,
      siblings: group.siblings.map((s) => s.path).sort(),
    }));

    assert.deepEqual(groups, [
      { inf: 'a/net.inf', siblings: ['a/net.cat', 'a/net.sys'] },
      { inf: 'b/disp.INF', siblings: ['b/disp.dll'] },
    ]);
  });

  test('leaves other INFs and .inx templates out of a package', () => {
    const groups = groupPackageFiles(['one.inf', 'two.inf', 'three.inx', 'shared.cat'].map(source));

    assert.deepEqual(
      groups.map((group) => [group.inf.path, group.siblings.map((s) => s.path)]),
      [
        ['one.inf', ['shared.cat']],
        ['two.inf', ['shared.cat']],
      ],
    );
  });
});
