import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StringDefinitions } from './string-names.js';

function definitions(count: number): StringDefinitions {
  const strings = new StringDefinitions();

  for (let i = 0; i < count; i++) strings.add(`Name${i} = "${i}"`, `Name${i}`.length);
  strings.add('NAME1 = "later"', 'NAME1'.length);
  strings.addNamed('caf\u00e9', 'Caf\u00c9 = "named"');

  return strings;
}

test('names are found case-insensitively, the last definition winning, few or many', () => {
  for (const count of [3, 100]) {
    const strings = definitions(count);

    assert.equal(strings.find('name1'), 'NAME1 = "later"');
    assert.equal(strings.find('name2'), 'Name2 = "2"');
    assert.equal(strings.find('caf\u00e9'), 'Caf\u00c9 = "named"');
    assert.equal(strings.find('name'), undefined);
    assert.equal(strings.find(`name${count}`), undefined);
  }
});
