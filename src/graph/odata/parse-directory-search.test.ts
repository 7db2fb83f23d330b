import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineEntity, property } from './entity-spec.js';
import { parseDirectorySearch } from './parse-directory-search.js';

const spec = defineEntity({
  typeName: 'device',
  key: 'id',
  tokenSearch: { displayName: 'name_tokens' },
  properties: [
    property('id', 'id', 'guid'),
    property('displayName', 'display_name', 'string'),
    property('operatingSystem', 'operating_system', 'string'),
    property('registrationDateTime', 'created_at', 'dateTimeOffset'),
  ],
});
const parse = (text: string) => parseDirectorySearch(text, spec);
const refusal = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`${text} was accepted`);
};

test('a display name clause matches by tokens, another string property by its start', () => {
  assert.deepEqual(parse('"displayName:OneVideo"'), {
    kind: 'tokens',
    column: 'name_tokens',
    tokens: ['one', 'video'],
  });
  assert.deepEqual(parse('"operatingSystem:Win"'), {
    kind: 'prefix',
    column: 'operating_system',
    text: 'Win',
  });
});

test('AND binds tighter than OR, and parentheses group', () => {
  const clause = (text: string) => ({ kind: 'prefix', column: 'operating_system', text });

  assert.deepEqual(parse('"operatingSystem:a" OR "operatingSystem:b" AND "operatingSystem:c"'), {
    kind: 'or',
    left: clause('a'),
    right: { kind: 'and', left: clause('b'), right: clause('c') },
  });
  assert.deepEqual(parse('("operatingSystem:a" OR "operatingSystem:b") AND "operatingSystem:c"'), {
    kind: 'and',
    left: { kind: 'or', left: clause('a'), right: clause('b') },
    right: clause('c'),
  });
});

test('inside quotes a backslash escapes a quote or a backslash; the first colon splits', () => {
  assert.deepEqual(parse('"operatingSystem:a \\"b\\" \\\\ c:d"'), {
    kind: 'prefix',
    column: 'operating_system',
    text: 'a "b" \\ c:d',
  });
});

test('what Graph refuses is refused with where it went wrong', () => {
  assert.match(refusal('"Pilot"'), /a clause is "property:text", not "Pilot" at position 0/);
  assert.match(refusal('Pilot'), /'Pilot' is neither a quoted clause, AND nor OR/);
  assert.match(refusal('"displayName:a" and "displayName:b"'), /'and' is neither/);
  assert.match(refusal('"displayName:a" OR'), /a clause is missing at the end/);
  assert.match(refusal('("displayName:a"'), /a parenthesis opened here is not closed/);
  assert.match(refusal('"displayName:a'), /not closed at position 0/);
  assert.match(refusal('"colour:red"'), /'colour' is not a property of device/);
  assert.match(refusal('"registrationDateTime:2024"'), /'registrationDateTime' cannot be searched/);
  assert.match(refusal('"displayName:  "'), /nothing to search for/);
  assert.match(refusal('   '), /the search is empty/);
  assert.match(refusal(`"displayName:${'x'.repeat(300)}"`), /longer than 200 characters/);
});
