import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { GraphError } from '../errors.js';
import { buildNextLink } from './next-link.js';
import { parseQueryOptions, type RawQuery, type QueryTarget } from './parse-query-options.js';
import { projectEntity } from './project-entity.js';
import { driverSpec } from './test-entity-spec.js';

function parse(query: RawQuery, target: QueryTarget = 'collection') {
  return parseQueryOptions(query, driverSpec, target);
}

function rejection(query: RawQuery, target: QueryTarget = 'collection'): string {
  try {
    parse(query, target);
  } catch (error) {
    assert.ok(error instanceof GraphError);
    assert.equal(error.status, 400);

    return error.message;
  }

  return assert.fail(`accepted: ${JSON.stringify(query)}`);
}

describe('parseQueryOptions', () => {
  test('reads every supported option with or without its dollar sign', () => {
    const options = parse({
      $filter: "name eq 'a'",
      select: 'name,Version',
      $orderby: 'syncStatus/lastSync desc, name',
      top: '5',
      $skip: '10',
      count: 'true',
      $expand: 'assignments($select=id)',
      search: '"intel"',
      'api-version': 'ignored',
    });

    assert.equal(options.filter?.kind, 'compare');
    assert.deepEqual(options.select, ['name', 'version']);
    assert.deepEqual(
      options.orderBy.map((key) => [key.column, key.direction]),
      [
        ['last_sync_at', 'desc'],
        ['name', 'asc'],
      ],
    );
    assert.deepEqual(options.expand, [{ name: 'assignments', select: ['id'] }]);
    assert.deepEqual(options.search, { kind: 'term', term: 'intel' });
    assert.equal(options.count, true);
    assert.deepEqual(options.page, { offset: 10, size: 5 });
  });

  test('pages by 100 when no $top is given', () => {
    const options = parse({});

    assert.deepEqual(options.page, { offset: 0, size: 100 });
    assert.equal(options.filter, null);
    assert.equal(options.select, null);
  });

  test('refuses repeated options, also when spelled with and without the dollar sign', () => {
    assert.match(rejection({ $top: ['1', '2'] }), /'\$top': the option is given more than once/);
    assert.match(rejection({ $top: '1', top: '2' }), /given more than once/);
  });

  test('names unsupported OData options instead of ignoring them', () => {
    for (const name of ['$apply', '$compute', '$format', '$levels', '$deltatoken', 'apply', '$x']) {
      assert.match(
        rejection({ [name]: '1' }),
        new RegExp(`The query option '\\${name}' is not supported by this service`),
      );
    }
    assert.match(rejection({ '@p1': "'a'" }), /parameter aliases are not supported/);
    assert.match(rejection({ $Top: '1' }), /option names are lower-case: use '\$top'/);
  });

  test('accepts only $select and $expand on a single item', () => {
    assert.deepEqual(parse({ $select: 'id' }, 'entity').select, ['id']);
    assert.match(rejection({ $top: '1' }, 'entity'), /'\$top' is not supported on a single item/);
    assert.match(rejection({ filter: 'true' }, 'entity'), /on a single item/);
  });

  test('bounds $top, $skip and $count', () => {
    assert.equal(parse({ $top: '0' }).page.size, 0);
    assert.equal(parse({ $top: '999' }).page.size, 999);
    assert.match(rejection({ $top: '1000' }), /'\$top': '1000' is not an integer from 0 to 999/);
    assert.match(rejection({ $top: '-1' }), /'\$top'/);
    assert.match(rejection({ $top: '' }), /'\$top'/);
    assert.match(rejection({ $skip: '1.5' }), /'\$skip': '1.5' is not a non-negative integer/);
    assert.match(rejection({ $count: 'yes' }), /'\$count': 'yes' is neither true nor false/);
  });

  test('accepts navigation properties in $select, in their canonical spelling', () => {
    const options = parse({ $select: 'name,Assignments', $expand: 'assignments' }, 'entity');

    assert.deepEqual(options.select, ['name', 'assignments']);
    assert.deepEqual(parse({ $select: 'assignments' }).select, ['assignments']);
  });

  test('drops a cast to the type itself or a base type from $select and $orderby paths', () => {
    const options = parse({
      $select: 'microsoft.graph.sampleDriver/name,microsoft.graph.entity/id',
      $orderby: 'microsoft.graph.sampleDriver/syncStatus/lastSync desc',
    });

    assert.deepEqual(options.select, ['name', 'id']);
    assert.deepEqual(
      options.orderBy.map((key) => [key.path, key.column, key.direction]),
      [['syncStatus/lastSync', 'last_sync_at', 'desc']],
    );
    assert.match(
      rejection({ $select: 'microsoft.graph.sampleFirmware/name' }),
      /casts to 'microsoft.graph.sampleFirmware' are not supported/,
    );
    assert.match(
      rejection({ $orderby: 'microsoft.graph.nope/name' }),
      /'microsoft.graph.nope' is not microsoft.graph.sampleDriver/,
    );
    assert.match(
      rejection({ $select: 'microsoft.graph.sampleDriver/syncStatus/state' }),
      /is not a property name; select whole properties/,
    );
  });

  test('validates $select, $orderby, $expand and $search against the spec', () => {
    assert.equal(parse({ $select: '*' }).select, null);
    assert.match(rejection({ $select: 'nope' }), /'nope' is not a property of sampleDriver/);
    assert.match(rejection({ $select: 'name,' }), /an empty name/);
    assert.match(rejection({ $orderby: 'notes' }), /'notes' cannot be sorted on/);
    assert.match(rejection({ $orderby: 'name sideways' }), /is not 'property \[asc\|desc\]'/);
    assert.match(rejection({ $orderby: 'name, name desc' }), /'name' appears twice/);
    assert.match(rejection({ $expand: 'devices' }), /'devices' cannot be expanded/);
    assert.match(rejection({ $expand: '*' }), /'\$expand=\*' is not supported/);
    assert.match(rejection({ $expand: 'assignments($top=1)' }), /'\$top' is not supported inside/);
    assert.match(rejection({ $expand: 'assignments($select=nope)' }), /'nope' is not a property/);
    assert.match(rejection({ $expand: 'assignments(' }), /unbalanced/);
    assert.match(rejection({ $search: '"a" OR "b"' }), /only one term/);
    assert.match(rejection({ $search: '"name:intel"' }), /property-scoped search/);
  });

  test('refuses $search where the entity has no searchable columns', () => {
    const spec = { ...driverSpec, searchable: [] };

    assert.throws(
      () => parseQueryOptions({ $search: 'x' }, spec, 'collection'),
      /'\$search' is not supported on sampleDriver/,
    );
  });
});

describe('skip tokens and next links', () => {
  const base = 'https://graph.example/beta/drivers?$filter=name%20ne%20null&$top=2';

  function followed(url: string) {
    return parse(Object.fromEntries(new URL(url).searchParams));
  }

  test('keep the original options byte for byte and carry the offset', () => {
    const first = followed(base);
    const next = buildNextLink(base, first, 2);

    assert.ok(next.startsWith(`${base}&$skiptoken=`));
    assert.deepEqual(followed(next).page, { offset: 2, size: 2 });

    const third = buildNextLink(next, first, 4);
    assert.equal(third.split('skiptoken').length, 2);
    assert.deepEqual(followed(third).page, { offset: 4, size: 2 });
  });

  test('refuse a token replayed with different options', () => {
    const next = buildNextLink(base, followed(base), 2);
    const tampered = next.replace('$top=2', '$top=3');

    assert.throws(() => followed(tampered), /the token belongs to a request with different query/);
  });

  test('refuse tokens this service did not issue', () => {
    for (const token of ['abc', '', 'eyJvIjotMX0', '!!!']) {
      assert.throws(() => parse({ $skiptoken: token }), /'\$skiptoken'/);
    }
  });
});

describe('projectEntity', () => {
  const json = {
    '@odata.type': '#microsoft.graph.sampleDriver',
    id: 'a',
    name: 'n',
    version: 'v',
    assignments: [{ id: 'x', target: {} }],
  };

  test('keeps selected properties and annotations, and id only when selected', () => {
    assert.deepEqual(projectEntity(json, ['name']), {
      '@odata.type': '#microsoft.graph.sampleDriver',
      name: 'n',
    });
    assert.deepEqual(projectEntity(json, null), json);
  });

  test('adds nothing for a selected navigation property that is not expanded', () => {
    const unexpanded = Object.fromEntries(
      Object.entries(json).filter(([name]) => name !== 'assignments'),
    );

    assert.deepEqual(projectEntity(unexpanded, ['name', 'assignments']), {
      '@odata.type': '#microsoft.graph.sampleDriver',
      name: 'n',
    });
  });

  test('keeps expanded navigation properties with their nested selection', () => {
    const projected = projectEntity(json, ['id'], [{ name: 'assignments', select: ['id'] }]);

    assert.deepEqual(projected, {
      '@odata.type': '#microsoft.graph.sampleDriver',
      id: 'a',
      assignments: [{ id: 'x' }],
    });
  });
});
