// Malformed requests around the body: ids, OData query options, content types, sizes, methods
// and paths.
import {
  badCase,
  type BadRequestCase,
  type CaseTargets,
  collection,
  expect,
  unknownGuid,
} from './bad-input-case.js';

const valid = { displayName: 'Bad input', approvalType: 'manual' };

function ids(t: CaseTargets): BadRequestCase[] {
  const unknown = `${collection}/${unknownGuid}`;
  const invalidId = (name: string, method: string, path: string, body?: unknown) =>
    badCase(name, { method, path, body }, expect.badRequest(/is not a valid \w+ id/));
  const missing = (name: string, method: string, path: string, body?: unknown) =>
    badCase(name, { method, path, body }, expect.notFound());

  return [
    invalidId('a profile id that is not a GUID', 'GET', `${collection}/not-a-guid`),
    invalidId('a numeric profile id', 'GET', `${collection}/12345`),
    invalidId('a bad key in parentheses', 'GET', `${collection}('not-a-guid')`),
    invalidId('a PATCH of a bad profile id', 'PATCH', `${collection}/xyz`, { displayName: 'x' }),
    invalidId('a DELETE of a bad profile id', 'DELETE', `${collection}/xyz`),
    invalidId(
      'a profile id carrying SQL',
      'GET',
      `${collection}/${encodeURIComponent("' or '1'='1")}`,
    ),
    invalidId(
      'a key in parentheses carrying SQL',
      'GET',
      `${collection}(${encodeURIComponent("'x'' or 1=1 --'")})`,
    ),
    invalidId(
      'a profile id with a statement',
      'GET',
      `${collection}/${encodeURIComponent('1;DROP TABLE profiles')}`,
    ),
    invalidId('a GUID with a character too many', 'GET', `${collection}/${unknownGuid}0`),
    invalidId('assignments of a bad profile id', 'GET', `${collection}/nope/assignments`),
    invalidId('a bad assignment id', 'GET', `${t.manual}/assignments/not-a-guid`),
    invalidId('a driver id with a semicolon', 'GET', `${t.manual}/driverInventories/d0;drop`),
    invalidId(
      'a driver id carrying SQL',
      'GET',
      `${t.manual}/driverInventories/${encodeURIComponent("x' or 1=1 --")}`,
    ),
    invalidId(
      'a 129-character driver id',
      'GET',
      `${t.manual}/driverInventories/${'d'.repeat(129)}`,
    ),
    badCase(
      'a 2,000-character driver id',
      { method: 'GET', path: `${t.manual}/driverInventories/${'d'.repeat(2000)}` },
      expect.badRequest(/malformed/),
    ),
    badCase(
      'a profile id with broken percent-encoding',
      { method: 'GET', path: `${collection}/%E0%A4%A` },
      expect.badRequest(/malformed/),
    ),
    badCase(
      'a driver id with broken percent-encoding',
      { method: 'DELETE', path: `${t.manual}/driverInventories/%ZZ` },
      expect.badRequest(/malformed/),
    ),
    missing('an unknown profile', 'GET', unknown),
    missing('a PATCH of an unknown profile', 'PATCH', unknown, { displayName: 'x' }),
    missing('a DELETE of an unknown profile', 'DELETE', unknown),
    missing('syncInventory of an unknown profile', 'POST', `${unknown}/syncInventory`),
    missing('executeAction on an unknown profile', 'POST', `${unknown}/executeAction`, {
      actionName: 'approve',
      driverIds: ['d-review'],
    }),
    missing('assign on an unknown profile', 'POST', `${unknown}/assign`, { assignments: [] }),
    missing('the drivers of an unknown profile', 'GET', `${unknown}/driverInventories`),
    missing('an unknown assignment', 'GET', `${t.manual}/assignments/${unknownGuid}`),
    missing('a PATCH of an unknown assignment', 'PATCH', `${t.manual}/assignments/${unknownGuid}`, {
      target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' },
    }),
    missing(
      'a DELETE of an unknown assignment',
      'DELETE',
      `${t.manual}/assignments/${unknownGuid}`,
    ),
    missing('an unknown driver', 'GET', `${t.manual}/driverInventories/d-unknown`),
    missing('a PATCH of an unknown driver', 'PATCH', `${t.manual}/driverInventories/d-unknown`, {
      approvalStatus: 'approved',
    }),
    missing('a DELETE of an unknown driver', 'DELETE', `${t.manual}/driverInventories/d-unknown`),
  ];
}

function odata(t: CaseTargets): BadRequestCase[] {
  const list = (name: string, query: string, message?: RegExp, base = collection) =>
    badCase(
      `${name} (${query.length > 40 ? `${query.slice(0, 40)}...` : query})`,
      { method: 'GET', path: `${base}?${query}` },
      expect.badRequest(message),
    );
  const filter = (text: string) => `$filter=${encodeURIComponent(text)}`;
  const drivers = `${t.manual}/driverInventories`;

  return [
    list('a comparison without a value', filter('displayName eq'), /\$filter/),
    list('an unterminated string', filter("displayName eq 'x"), /\$filter/),
    list('an unknown property', filter("colour eq 'red'"), /colour/),
    list('SQL after a literal', filter("displayName eq 'x'; DROP TABLE profiles;--"), /\$filter/),
    list('SQL as a property', filter("1=1 or displayName eq 'x'"), /\$filter/),
    list('a comment token', filter("displayName eq 'x' --"), /\$filter/),
    list('an unsupported function', filter("tolower(displayName) eq 'x'"), /tolower/),
    list('arithmetic', filter('deviceReporting add 1 eq 2'), /add/),
    list('a lambda', filter("roleScopeTagIds/any(t: t eq '0')"), /\$filter/),
    list('an unknown enum member', filter("approvalType eq 'bogus'"), /bogus/),
    list('a date without a time', filter('createdDateTime gt 2026-01-01'), /\$filter/),
    list('a dangling and', filter("displayName eq 'x' and"), /\$filter/),
    list('a complex property as a whole', filter("inventorySyncStatus eq 'x'"), /\$filter/),
    list('two properties compared', filter('displayName eq description'), /\$filter/),
    list(
      'nesting past the limit',
      filter(`${'('.repeat(33)}newUpdates eq 1${')'.repeat(33)}`),
      /\$filter/,
    ),
    list(
      'a filter past 2,000 characters',
      filter(`displayName eq '${'x'.repeat(2000)}'`),
      /\$filter/,
    ),
    list('an empty filter', '$filter=', /\$filter/),
    list('a negative top', '$top=-1', /\$top/),
    list('a top in words', '$top=abc', /\$top/),
    list('a top of 1000', '$top=1000', /\$top/),
    list('a fractional top', '$top=1.5', /\$top/),
    list('a negative skip', '$skip=-1', /\$skip/),
    list('a skip in words', '$skip=x', /\$skip/),
    list('a forged skiptoken', '$skiptoken=garbage', /\$skiptoken/),
    list('a count that is not a boolean', '$count=maybe', /\$count/),
    list('an order on an unknown property', '$orderby=colour', /colour/),
    list('an unknown order direction', '$orderby=displayName%20sideways', /\$orderby/),
    list('nine order keys', `$orderby=${Array(9).fill('displayName').join(',')}`, /\$orderby/),
    list('a select of an unknown property', '$select=colour', /colour/),
    list(
      'a select of a sub-property',
      '$select=inventorySyncStatus/driverInventorySyncState',
      /\$select/,
    ),
    list('an expand of an unknown navigation', '$expand=colour', /colour/),
    list('an expand of everything', '$expand=*', /\$expand/),
    list('a nested option other than select', '$expand=assignments($top=1)', /\$expand|\$top/),
    list('$apply', '$apply=groupby((displayName))', /\$apply/),
    list('$format', '$format=json', /\$format/),
    list('$levels', '$levels=2', /\$levels/),
    list('$deltatoken', '$deltatoken=abc', /\$deltatoken/),
    list('$id', '$id=abc', /\$id/),
    list('an unknown $ option', '$colour=red', /\$colour/),
    list('an option in the wrong case', '$Top=1', /\$Top/),
    list('an option given twice', '$top=1&top=2', /top/),
    list('a parameter alias', '@p1=%27x%27', /@p1/),
    list('a search with AND', '$search=%22a%22%20AND%20%22b%22', /\$search/),
    list(
      'a search on a collection without searchable properties',
      '$search=x',
      /\$search/,
      `${t.manual}/assignments`,
    ),
    list('an unknown driver status', filter("approvalStatus eq 'nope'"), /nope/, drivers),
    list(
      'an order on an unknown driver property',
      '$orderby=approvalStatus,colour',
      /colour/,
      drivers,
    ),
    list('a filter on one profile', filter("displayName eq 'x'"), /\$filter/, t.manual),
    list('a top on one profile', '$top=1', /\$top/, t.manual),
    list('a skip on one driver', '$skip=1', /\$skip/, t.reviewDriver),
  ];
}

function contentTypes(t: CaseTargets): BadRequestCase[] {
  const json = JSON.stringify(valid);
  // fetch labels a string body text/plain by itself; bytes go out with no Content-Type at all.
  const wrong = (name: string, method: string, path: string, contentType: string | null) =>
    badCase(
      name,
      { method, path, raw: contentType === null ? Buffer.from(json) : json, contentType },
      [
        415,
        'UnsupportedMediaType',
        new RegExp(`'${(contentType ?? 'none').split(';')[0]!.replace(/[+/.]/g, '\\$&')}'`),
      ],
    );

  return [
    wrong('a create sent as text/plain', 'POST', collection, 'text/plain'),
    wrong('a create sent as XML', 'POST', collection, 'application/xml'),
    wrong('a create without a Content-Type', 'POST', collection, null),
    wrong('a create sent as a form', 'POST', collection, 'application/x-www-form-urlencoded'),
    wrong('a create sent as multipart', 'POST', collection, 'multipart/form-data; boundary=x'),
    wrong('an update sent as text/plain', 'PATCH', t.manual, 'text/plain'),
    wrong(
      'executeAction sent as a form',
      'POST',
      `${t.manual}/executeAction`,
      'application/x-www-form-urlencoded',
    ),
    wrong('assign sent as text/plain', 'POST', `${t.manual}/assign`, 'text/plain'),
    wrong(
      'a driver PATCH sent as octet-stream',
      'PATCH',
      t.reviewDriver,
      'application/octet-stream',
    ),
  ];
}

function sizes(t: CaseTargets): BadRequestCase[] {
  const padded = (bytes: number) => JSON.stringify({ ...valid, description: 'p'.repeat(bytes) });
  const large = (name: string, method: string, path: string, raw: string) =>
    badCase(name, { method, path, raw }, expect.tooLarge());

  return [
    large(
      'a create of one byte over 1 MiB',
      'POST',
      collection,
      padded(1_048_576 + 1 - padded(0).length),
    ),
    large('a create of 3 MiB', 'POST', collection, padded(3 * 1_048_576)),
    large('an update over 1 MiB', 'PATCH', t.manual, padded(1_100_000)),
    large(
      'executeAction over 1 MiB',
      'POST',
      `${t.manual}/executeAction`,
      JSON.stringify({ actionName: 'approve', driverIds: Array(100_000).fill('driver-id') }),
    ),
  ];
}

function methods(t: CaseTargets): BadRequestCase[] {
  const wrong = (method: string, path: string) =>
    badCase(
      `${method} ${path.slice(collection.length) || 'on the collection'}`,
      { method, path, body: method === 'GET' || method === 'DELETE' ? undefined : valid },
      expect.methodNotAllowed(),
    );

  return [
    wrong('PUT', collection),
    wrong('DELETE', collection),
    wrong('PATCH', collection),
    wrong('PUT', t.manual),
    wrong('POST', t.manual),
    wrong('GET', `${t.manual}/syncInventory`),
    wrong('GET', `${t.manual}/executeAction`),
    wrong('DELETE', `${t.manual}/assign`),
    wrong('PUT', `${t.manual}/assignments`),
    wrong('PUT', t.reviewDriver),
    wrong('DELETE', `${t.manual}/driverInventories`),
    wrong('POST', `${t.manual}/driverInventories/$count`),
    badCase(
      'POST /beta/$metadata',
      { method: 'POST', path: '/beta/$metadata' },
      expect.methodNotAllowed(),
    ),
    badCase('DELETE /health', { method: 'DELETE', path: '/health' }, expect.methodNotAllowed()),
  ];
}

function paths(t: CaseTargets): BadRequestCase[] {
  const none = (name: string, method: string, path: string) =>
    badCase(name, { method, path }, expect.notFound());

  return [
    none('a misspelt collection', 'GET', `${collection}z`),
    none('deviceManagement alone', 'GET', '/beta/deviceManagement'),
    none('an unknown navigation', 'GET', `${t.manual}/devices`),
    none('an unknown qualified action', 'POST', `${t.manual}/microsoft.graph.unknownAction`),
    none(
      'the same collection on v1.0',
      'GET',
      '/v1.0/deviceManagement/windowsDriverUpdateProfiles',
    ),
    none('another Graph resource', 'GET', '/beta/users'),
    none('a segment under a driver', 'GET', `${t.reviewDriver}/extra`),
    none('an encoded path traversal', 'GET', '/beta/%2e%2e/%2e%2e/etc/passwd'),
    none('a path outside Graph', 'GET', '/nothing/here'),
    none('a doubled slash', 'GET', `/beta//deviceManagement/windowsDriverUpdateProfiles`),
  ];
}

export function badRequestCases(t: CaseTargets): BadRequestCase[] {
  return [...ids(t), ...odata(t), ...contentTypes(t), ...sizes(t), ...methods(t), ...paths(t)];
}
