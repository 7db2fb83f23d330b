import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

import { GraphError } from '../errors.js';
import { compileFilter } from './compile-filter.js';
import type { BoundFilter } from './filter-ast.js';
import { bindFilter } from './filter-binder.js';
import { parseFilter } from './filter-parser.js';
import { driverSpec } from './test-entity-spec.js';

function bound(text: string): BoundFilter {
  return bindFilter(driverSpec, parseFilter(text));
}

function rejection(text: string): string {
  try {
    bound(text);
  } catch (error) {
    assert.ok(error instanceof GraphError, `not a GraphError: ${String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'BadRequest');

    return error.message;
  }

  return assert.fail(`accepted: ${text}`);
}

const compiler = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

function compiled(text: string): { sql: string; parameters: readonly unknown[] } {
  const query = compiler
    .selectFrom(['x' as never])
    .selectAll()
    .where(compileFilter(bound(text)));
  const { sql, parameters } = query.compile();

  return { sql: sql.replace(/^select \* from "x" where /, ''), parameters };
}

describe('the $filter parser and type checker', () => {
  const valid = [
    "name eq 'x'",
    "name eq 'it''s'",
    "name eq ''' or 1=1 --'",
    'not (isOptional)',
    'isOptional eq true and not (applicableDeviceCount gt 3 or applicableDeviceCount lt -1)',
    "startswith(name,'a') or endswith(name, 'b') or contains(name , 'c')",
    'releaseDateTime ge 2026-01-01T00:00:00Z',
    "releaseDateTime lt '2026-01-01T10:00:00.1234567+02:00'",
    'id eq 0000000A-0000-0000-0000-000000000001',
    "approvalStatus in ('approved', 'declined')",
    "approvalStatus eq microsoft.graph.driverApprovalStatus'approved'",
    "approvalStatus in (microsoft.graph.driverApprovalStatus'approved', 'declined')",
    "category eq microsoft.graph.driverCategory'other'",
    "version in ('1.0', null)",
    "syncStatus/state eq 'success'",
    'syncStatus/lastSync eq null',
    '3 lt applicableDeviceCount',
    "startswith(name,'a') eq false",
    'true',
    '((((name eq null))))',
    "Name eq 'case-insensitive property names'",
    "microsoft.graph.sampleDriver/name eq 'x'",
    'microsoft.graph.entity/id eq 0000000A-0000-0000-0000-000000000001',
    "microsoft.graph.sampleDriver/syncStatus/state eq 'success'",
    "isof('microsoft.graph.sampleDriver') and isof(microsoft.graph.entity)",
    "isof('Microsoft.Graph.SampleFirmware') eq false",
  ];
  for (const text of valid) {
    test(`accepts ${text}`, () => {
      assert.doesNotThrow(() => bound(text));
    });
  }

  const invalid: readonly (readonly [string, RegExp])[] = [
    ['', /empty/],
    ['   ', /empty/],
    ["name eq 'unterminated", /unterminated string literal at position 8/],
    ['(name eq null', /expected '\)' but found the end of the filter at position 13/],
    ['name eq null)', /unexpected '\)' at position 12/],
    ["name eq '' or 1=1 --'", /unexpected character '=' at position 15/],
    ["name eq 'a' or 1=1 --", /unexpected character '='/],
    ["name eq 'x'; drop table x;--", /unexpected character ';' at position 11/],
    ['name eq', /expected a property, literal or function but found the end/],
    ['nope eq 1', /'nope' is not a property of sampleDriver at position 0/],
    ['notes eq null', /'notes' cannot be filtered on/],
    ['syncStatus eq null', /'syncStatus' is a complex property/],
    ['syncStatus/nope eq 1', /'syncStatus\/nope' is not a property/],
    ["isOptional eq 'true'", /'isOptional' is a boolean; 'true' does not fit at position 14/],
    ['name eq 5', /'name' is a string; 5 does not fit/],
    ['applicableDeviceCount eq 1.5', /'applicableDeviceCount' is an integer/],
    ['applicableDeviceCount eq 3000000000', /32-bit integer/],
    ["approvalStatus eq 'maybe'", /'maybe' is not a member of 'approvalStatus'/],
    [
      "approvalStatus eq microsoft.graph.driverCategory'other'",
      /a member of microsoft.graph.driverApprovalStatus/,
    ],
    ["name eq microsoft.graph.driverCategory'other'", /'name' is a string/],
    ["approvalStatus eq microsoft.graph.driverApprovalStatus'", /unterminated string/],
    ["approvalStatus gt 'approved'", /'gt' does not apply to 'approvalStatus'/],
    ['isOptional gt true', /'gt' does not apply to 'isOptional'/],
    [
      "startswith(applicableDeviceCount, '1')",
      /needs a string property; 'applicableDeviceCount' is int/,
    ],
    ['startswith(name, 1)', /needs a string literal/],
    ['startswith(name)', /takes a property and a string literal/],
    ["tolower(name) eq 'x'", /the function 'tolower' is not supported/],
    ["tags/any(t: t eq 'a')", /the lambda operator 'any' is not supported/],
    ['releaseDateTime gt 2026-01-01', /a date needs a time and offset/],
    ["releaseDateTime gt '2026-02-30T00:00:00Z'", /DateTimeOffset/],
    ["id eq 'not-a-guid'", /'id' is a GUID/],
    ['name gt null', /null can only be compared with 'eq' or 'ne'/],
    ['name eq name', /'eq' compares a property with a literal/],
    ["not name eq 'x'", /'not' binds to the term after it; write not \(a eq b\) at position 0/],
    ['name', /'name' is not a boolean/],
    ["'x'", /the literal x is not a condition/],
    ["name in 'x'", /expected '\(' after 'in'/],
    ['name in (name)', /expected a literal in the 'in' list/],
    ["name EQ 'x'", /unexpected 'EQ'/],
    ['applicableDeviceCount add 1 eq 2', /the operator 'add' is not supported/],
    ['name eq @p', /unexpected character '@'/],
    [
      "microsoft.graph.sampleFirmware/name eq 'x'",
      /casts to 'microsoft.graph.sampleFirmware' are not supported/,
    ],
    [
      "microsoft.graph.nope/name eq 'x'",
      /'microsoft.graph.nope' is not microsoft.graph.sampleDriver or a type it derives from/,
    ],
    ["microsoft.graph.sampleDriver eq 'x'", /needs a property after it/],
    ["name/microsoft.graph.sampleDriver eq 'x'", /one cast, at its start/],
    ["isof('microsoft.graph.nope')", /'microsoft.graph.nope' is none of them/],
    ["isof(name, 'microsoft.graph.sampleDriver')", /'isof' takes one argument/],
    ['isof(1)', /'isof' takes one argument/],
  ];
  for (const [text, pattern] of invalid) {
    test(`rejects ${JSON.stringify(text)} with a 400 naming the problem`, () => {
      assert.match(rejection(text), pattern);
    });
  }

  test('rejects 10,000 nested parentheses by length before parsing', () => {
    const text = `${'('.repeat(10_000)}name eq null${')'.repeat(10_000)}`;

    assert.match(rejection(text), /longer than 2000 characters/);
  });

  test('rejects deep nesting that fits within the length limit', () => {
    const text = `${'('.repeat(500)}name eq null${')'.repeat(500)}`;

    assert.match(rejection(text), /nesting deeper than 32 levels at position 32/);
  });

  test('rejects deep chains of not', () => {
    assert.match(rejection(`${'not '.repeat(40)}isOptional`), /nesting deeper than 32/);
  });

  test('rejects huge in lists and too many terms', () => {
    const list = Array.from({ length: 150 }, (_, i) => `'${i}'`).join(',');
    const terms = Array.from({ length: 200 }, () => 'true').join(' or ');

    assert.match(rejection(`name in (${list})`), /an 'in' list longer than 100 items/);
    assert.match(rejection(terms), /more than 250 terms/);
  });

  test('normalises values to the storage format', () => {
    assert.deepEqual(bound("releaseDateTime lt '2026-01-01T10:00:00.1234567+02:00'"), {
      kind: 'compare',
      op: 'lt',
      target: { column: 'release_at', type: 'dateTimeOffset', nullable: false },
      value: '2026-01-01T08:00:00.123Z',
    });
    assert.deepEqual(bound('isOptional eq false'), {
      kind: 'compare',
      op: 'eq',
      target: { column: 'is_optional', type: 'boolean', nullable: false },
      value: 0,
    });
    assert.equal((bound("approvalStatus eq 'APPROVED'") as { value: string }).value, 'approved');
    assert.equal(
      (bound('id eq 0000000A-0000-0000-0000-00000000000B') as { value: string }).value,
      '0000000a-0000-0000-0000-00000000000b',
    );
  });

  test('isof holds for the type and its bases and for no type the collection never holds', () => {
    assert.deepEqual(bound("isof('microsoft.graph.sampleDriver')"), {
      kind: 'constant',
      value: true,
    });
    assert.deepEqual(bound('isof(microsoft.graph.entity)'), { kind: 'constant', value: true });
    assert.deepEqual(bound("isof('microsoft.graph.sampleFirmware')"), {
      kind: 'constant',
      value: false,
    });
  });

  test('a cast to the type itself filters as the property would', () => {
    assert.deepEqual(bound("microsoft.graph.sampleDriver/name eq 'x'"), bound("name eq 'x'"));
  });

  test('puts the property on the left when a literal comes first', () => {
    assert.deepEqual(bound('3 lt applicableDeviceCount'), bound('applicableDeviceCount gt 3'));
  });

  test('binds not tighter than and, and and tighter than or', () => {
    const tree = bound('isOptional or not isOptional and isOptional');

    assert.equal(tree.kind, 'or');
    assert.equal(tree.kind === 'or' && tree.right.kind, 'and');
  });

  test('sends values as parameters and names only spec columns', () => {
    const { sql, parameters } = compiled("name eq ''' or 1=1 --' and contains(version, '5%_\\')");

    assert.equal(
      sql,
      '(lower("name") = lower(?) and ("version" is not null and lower("version") like lower(?) ' +
        "escape '\\'))",
    );
    assert.deepEqual(parameters, ["' or 1=1 --", '%5\\%\\_\\\\%']);
  });

  test('keeps ne and not true for null values of nullable columns', () => {
    assert.equal(
      compiled("version ne '1'").sql,
      '("version" is null or lower("version") <> lower(?))',
    );
    assert.equal(
      compiled("version in ('1', null)").sql,
      '(("version" is not null and lower("version") in (lower(?))) or "version" is null)',
    );
  });

  test('never throws anything but a 400 GraphError on random input', () => {
    const words = [
      'name',
      'version',
      'isOptional',
      'applicableDeviceCount',
      'syncStatus/state',
      'eq',
      'ne',
      'gt',
      'and',
      'or',
      'not',
      'in',
      '(',
      ')',
      ',',
      "'a'",
      "''",
      "'",
      'null',
      'true',
      '1',
      '-1',
      '1.5',
      '2026-01-01T00:00:00Z',
      'startswith(',
      'contains(',
      'any(',
      '/',
      ';',
      '--',
      '%',
    ];
    const tokenSoup = fc
      .array(fc.constantFrom(...words), { maxLength: 25 })
      .map((w) => w.join(' '));
    const text = fc.oneof(tokenSoup, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary' }));

    fc.assert(
      fc.property(text, (filter) => {
        try {
          compiled(filter);
        } catch (error) {
          return error instanceof GraphError && error.status === 400;
        }

        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
