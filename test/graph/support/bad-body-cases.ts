// Malformed bodies: broken JSON, wrong shapes and types, unknown and read-only properties, and
// values the profile, assignment and approval rules refuse.
import {
  badCase,
  type BadRequestCase,
  type CaseTargets,
  collection,
  expect,
  groupA,
  groupB,
  invalid,
} from './bad-input-case.js';

const valid = { displayName: 'Bad input', approvalType: 'manual' };
const auto = { displayName: 'Bad input', approvalType: 'automatic' };

function brokenJson(t: CaseTargets): BadRequestCase[] {
  const texts: [string, string][] = [
    ['an open brace', '{'],
    ['a trailing comma', '{"displayName": "x",}'],
    ['single quotes', "{'displayName': 'x'}"],
    ['plain words', 'not json at all'],
    ['two objects', '{"a":1}{"b":2}'],
    ['an unterminated string', '{"displayName": "x'],
    ['NaN', '{"deploymentDeferralInDays": NaN}'],
    ['a missing value', '{"displayName": }'],
    ['a comment', '{"displayName": "x" /* hi */}'],
  ];
  const targets: [string, string][] = [
    ['POST', collection],
    ['PATCH', t.manual],
    ['POST', `${t.manual}/executeAction`],
    ['POST', `${t.manual}/assign`],
    ['POST', `${t.manual}/assignments`],
    ['PATCH', t.reviewDriver],
  ];
  const cases = texts.map(([what, raw]) =>
    badCase(`a create whose JSON has ${what}`, { method: 'POST', path: collection, raw }, [
      400,
      'BadRequest',
      /not valid JSON/,
    ]),
  );
  for (const [method, path] of targets.slice(1)) {
    cases.push(
      badCase(`${method} ${path.slice(collection.length)} with broken JSON`, {
        method,
        path,
        raw: '{"x": [1, 2',
      }),
    );
  }

  return cases;
}

function notObjects(t: CaseTargets): BadRequestCase[] {
  const shapes: [string, string][] = [
    ['an array', '[]'],
    ['a string', '"profile"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
    ['nothing', ''],
  ];
  const cases = shapes.map(([what, raw]) =>
    badCase(`a create whose body is ${what}`, { method: 'POST', path: collection, raw }, [
      400,
      'BadRequest',
      /must be a JSON object/,
    ]),
  );
  const elsewhere: [string, string, string][] = [
    ['PATCH', t.manual, '[]'],
    ['POST', `${t.manual}/executeAction`, '[]'],
    ['POST', `${t.manual}/executeAction`, ''],
    ['POST', `${t.manual}/assign`, '[]'],
    ['POST', `${t.manual}/assignments`, '"x"'],
    ['PATCH', t.reviewDriver, '[1]'],
    ['PATCH', t.firstAssignment, '7'],
  ];
  for (const [method, path, raw] of elsewhere) {
    cases.push(
      badCase(`${method} ${path.slice(collection.length)} with ${raw || 'no'} body`, {
        method,
        path,
        raw,
      }),
    );
  }

  return cases;
}

function profileCreates(): BadRequestCase[] {
  const post = (name: string, body: object, property: string | RegExp) =>
    invalid(`a create with ${name}`, 'POST', collection, body, property);

  return [
    post('a numeric displayName', { ...valid, displayName: 5 }, 'displayName'),
    post('a null displayName', { ...valid, displayName: null }, 'displayName'),
    post('an empty displayName', { ...valid, displayName: '' }, 'displayName'),
    post('a 257-character displayName', { ...valid, displayName: 'x'.repeat(257) }, 'displayName'),
    post('an array displayName', { ...valid, displayName: ['x'] }, 'displayName'),
    post('no displayName', { approvalType: 'manual' }, 'displayName'),
    post('a numeric description', { ...valid, description: 5 }, 'description'),
    post(
      'a 1501-character description',
      { ...valid, description: 'd'.repeat(1501) },
      'description',
    ),
    post('a numeric approvalType', { ...valid, approvalType: 1 }, 'approvalType'),
    post('approvalType in the wrong case', { ...valid, approvalType: 'Manual' }, 'approvalType'),
    post('an unknown approvalType', { ...valid, approvalType: 'auto' }, 'approvalType'),
    post('a null approvalType', { ...valid, approvalType: null }, 'approvalType'),
    post('no approvalType', { displayName: 'x' }, 'approvalType'),
    post(
      'a deferral as text',
      { ...auto, deploymentDeferralInDays: '7' },
      'deploymentDeferralInDays',
    ),
    post(
      'a fractional deferral',
      { ...auto, deploymentDeferralInDays: 7.5 },
      'deploymentDeferralInDays',
    ),
    post(
      'a negative deferral',
      { ...auto, deploymentDeferralInDays: -1 },
      'deploymentDeferralInDays',
    ),
    post(
      'a deferral of 31 days',
      { ...auto, deploymentDeferralInDays: 31 },
      'deploymentDeferralInDays',
    ),
    post('a huge deferral', { ...auto, deploymentDeferralInDays: 1e9 }, 'deploymentDeferralInDays'),
    post(
      'a deferral on a manual profile',
      { ...valid, deploymentDeferralInDays: 5 },
      'deploymentDeferralInDays',
    ),
    post('roleScopeTagIds as a string', { ...valid, roleScopeTagIds: '0' }, 'roleScopeTagIds'),
    post('numeric scope tags', { ...valid, roleScopeTagIds: [0] }, 'roleScopeTagIds'),
    post(
      'a scope tag that is not digits',
      { ...valid, roleScopeTagIds: ['abc'] },
      'roleScopeTagIds',
    ),
    post('null scope tags', { ...valid, roleScopeTagIds: null }, 'roleScopeTagIds'),
    post(
      '101 scope tags',
      { ...valid, roleScopeTagIds: Array.from({ length: 101 }, (_, i) => String(i)) },
      'roleScopeTagIds',
    ),
    post('an unknown property', { ...valid, colour: 'red' }, 'colour'),
    post('a property in the wrong case', { ...valid, DisplayName: 'x' }, 'DisplayName'),
    post(
      'a __proto__ property',
      JSON.parse(
        '{"displayName":"x","approvalType":"manual","__proto__":{"admin":true}}',
      ) as object,
      '__proto__',
    ),
    post('a constructor property', { ...valid, constructor: {} }, 'constructor'),
    post('an id', { ...valid, id: '5d1a0c3e-0000-4000-8000-000000000001' }, 'id'),
    post(
      'a createdDateTime',
      { ...valid, createdDateTime: '2026-01-01T00:00:00Z' },
      'createdDateTime',
    ),
    post(
      'a lastModifiedDateTime',
      { ...valid, lastModifiedDateTime: '2026-01-01T00:00:00Z' },
      'lastModifiedDateTime',
    ),
    post('a deviceReporting count', { ...valid, deviceReporting: 3 }, 'deviceReporting'),
    post('a newUpdates count', { ...valid, newUpdates: 3 }, 'newUpdates'),
    post(
      'an inventorySyncStatus',
      { ...valid, inventorySyncStatus: { driverInventorySyncState: 'success' } },
      'inventorySyncStatus',
    ),
    post('inline assignments', { ...valid, assignments: [] }, 'assignments'),
    post('inline driverInventories', { ...valid, driverInventories: [] }, 'driverInventories'),
    post(
      'the @odata.type of another entity',
      { ...valid, '@odata.type': '#microsoft.graph.windowsDriverUpdateInventory' },
      '@odata.type',
    ),
    post('a numeric @odata.type', { ...valid, '@odata.type': 5 }, '@odata.type'),
  ];
}

function profileUpdates(t: CaseTargets): BadRequestCase[] {
  const patch = (name: string, path: string, body: object, property: string | RegExp) =>
    invalid(name, 'PATCH', path, body, property);

  return [
    patch(
      'a change of a manual profile to automatic',
      t.manual,
      { approvalType: 'automatic' },
      /cannot be changed/,
    ),
    patch(
      'a change of an automatic profile to manual',
      t.automatic,
      { approvalType: 'manual' },
      /cannot be changed/,
    ),
    patch(
      'a deferral on a manual profile',
      t.manual,
      { deploymentDeferralInDays: 3 },
      /automatic approval/,
    ),
    patch('an unknown approvalType', t.manual, { approvalType: 'bogus' }, 'approvalType'),
    patch('a null displayName', t.manual, { displayName: null }, 'displayName'),
    patch('an empty displayName', t.manual, { displayName: '' }, 'displayName'),
    patch('a new id', t.manual, { id: '5d1a0c3e-0000-4000-8000-000000000002' }, 'id'),
    patch('a newUpdates count', t.manual, { newUpdates: 3 }, 'newUpdates'),
    patch('an unknown property', t.manual, { displayName: 'ok', colour: 'red' }, 'colour'),
    patch(
      'a deferral of 31 days',
      t.automatic,
      { deploymentDeferralInDays: 31 },
      'deploymentDeferralInDays',
    ),
    patch(
      'a negative deferral',
      t.automatic,
      { deploymentDeferralInDays: -5 },
      'deploymentDeferralInDays',
    ),
    patch(
      'a deferral in words',
      t.automatic,
      { deploymentDeferralInDays: 'ten' },
      'deploymentDeferralInDays',
    ),
    patch(
      'a fractional deferral',
      t.automatic,
      { deploymentDeferralInDays: 2.5 },
      'deploymentDeferralInDays',
    ),
  ];
}

function assignments(t: CaseTargets): BadRequestCase[] {
  const base = `${t.manual}/assignments`;
  const group = (extra: object = {}) => ({
    target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groupB, ...extra },
  });
  const post = (name: string, body: unknown, property: string | RegExp) =>
    invalid(`an assignment with ${name}`, 'POST', base, body, property);

  return [
    post('no target', {}, 'target'),
    post('a target that is a string', { target: 'group' }, 'target'),
    post('a target without @odata.type', { target: { groupId: groupB } }, 'target/@odata.type'),
    post(
      'an all-licensed-users target',
      { target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
      'target/@odata.type',
    ),
    post(
      'a group target without groupId',
      { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget' } },
      'groupId',
    ),
    post('a groupId that is not a GUID', group({ groupId: 'sales' }), 'target/groupId'),
    post('a numeric groupId', group({ groupId: 5 }), 'groupId'),
    post(
      'an include filter',
      group({ deviceAndAppManagementAssignmentFilterType: 'include' }),
      'target/deviceAndAppManagementAssignmentFilterType',
    ),
    post(
      'a filter id',
      group({ deviceAndAppManagementAssignmentFilterId: groupA }),
      'target/deviceAndAppManagementAssignmentFilterId',
    ),
    post('an unknown target property', group({ colour: 'red' }), 'colour'),
    post(
      'a groupId on all devices',
      { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', groupId: groupA } },
      'groupId',
    ),
    post('an id of its own', { ...group(), id: groupB }, 'id'),
    post('an unknown property', { ...group(), colour: 'red' }, 'colour'),
    badCase(
      'a second assignment of an assigned group',
      { method: 'POST', path: base, body: group({ groupId: groupA }) },
      expect.conflict(),
    ),
    badCase(
      'a change of an assignment onto a group already assigned',
      { method: 'PATCH', path: t.secondAssignment, body: group({ groupId: groupA }) },
      expect.conflict(),
    ),
    invalid(
      'a change of an assignment to a bad target',
      'PATCH',
      t.firstAssignment,
      { target: { '@odata.type': '#microsoft.graph.user' } },
      'target/@odata.type',
    ),
  ];
}

function assignActions(t: CaseTargets): BadRequestCase[] {
  const path = `${t.manual}/assign`;
  const target = (groupId: string) => ({
    target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
  });
  const many = Array.from({ length: 101 }, (_, i) =>
    target(`c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  );
  const assign = (name: string, body: unknown, property: string | RegExp) =>
    invalid(`assign with ${name}`, 'POST', path, body, property);

  return [
    assign('no assignments', {}, 'assignments'),
    assign('assignments that are an object', { assignments: target(groupA) }, 'assignments'),
    assign('an unknown parameter', { assignments: [], replace: true }, 'replace'),
    assign(
      'the same group twice',
      { assignments: [target(groupA), target(groupA)] },
      'assignments',
    ),
    assign('101 assignments', { assignments: many }, 'assignments'),
    assign(
      'an item with a bad target type',
      { assignments: [{ target: { '@odata.type': 'x' } }] },
      'target/@odata.type',
    ),
    assign('an item that is not an object', { assignments: ['all'] }, /must be a JSON object/),
  ];
}

function driverActions(t: CaseTargets): BadRequestCase[] {
  const path = `${t.manual}/executeAction`;
  const ids = ['d-review'];
  const action = (name: string, body: unknown, property: string | RegExp) =>
    invalid(`executeAction with ${name}`, 'POST', path, body, property);

  return [
    action(
      '101 driver ids',
      { actionName: 'approve', driverIds: Array.from({ length: 101 }, (_, i) => `x${i}`) },
      'driverIds',
    ),
    action('an unknown action', { actionName: 'delete', driverIds: ids }, 'actionName'),
    action('an action in the wrong case', { actionName: 'Approve', driverIds: ids }, 'actionName'),
    action('a null action', { actionName: null, driverIds: ids }, 'actionName'),
    action('no action', { driverIds: ids }, 'actionName'),
    action('no driver ids', { actionName: 'approve' }, 'driverIds'),
    action('an empty id list', { actionName: 'approve', driverIds: [] }, 'driverIds'),
    action('ids as a string', { actionName: 'approve', driverIds: 'd-review' }, 'driverIds'),
    action('a numeric id', { actionName: 'approve', driverIds: [5] }, 'driverIds'),
    action('an empty id', { actionName: 'approve', driverIds: [''] }, 'driverIds'),
    action(
      'a 257-character id',
      { actionName: 'approve', driverIds: ['i'.repeat(257)] },
      'driverIds',
    ),
    action(
      'a deploymentDate on decline',
      { actionName: 'decline', driverIds: ids, deploymentDate: '2027-01-01T00:00:00Z' },
      'deploymentDate',
    ),
    action(
      'a deploymentDate in words',
      { actionName: 'approve', driverIds: ids, deploymentDate: 'tomorrow' },
      'deploymentDate',
    ),
    action(
      'an impossible deploymentDate',
      { actionName: 'approve', driverIds: ids, deploymentDate: '2026-13-45T00:00:00Z' },
      'deploymentDate',
    ),
    action(
      'a deploymentDate without a zone',
      { actionName: 'approve', driverIds: ids, deploymentDate: '2026-01-01T00:00:00' },
      'deploymentDate',
    ),
    action('an unknown parameter', { actionName: 'approve', driverIds: ids, force: true }, 'force'),
  ];
}

function driverPatches(t: CaseTargets): BadRequestCase[] {
  const patch = (name: string, path: string, body: unknown, property: string | RegExp) =>
    invalid(`a driver PATCH with ${name}`, 'PATCH', path, body, property);

  return [
    patch('an unknown status', t.reviewDriver, { approvalStatus: 'bogus' }, 'approvalStatus'),
    patch('a null status', t.reviewDriver, { approvalStatus: null }, 'approvalStatus'),
    patch(
      'approved to declined',
      t.approvedDriver,
      { approvalStatus: 'declined' },
      /cannot change from 'approved' to 'declined'/,
    ),
    patch(
      'needsReview to suspended',
      t.reviewDriver,
      { approvalStatus: 'suspended' },
      'approvalStatus',
    ),
    patch(
      'a deploy time on a driver left for review',
      t.reviewDriver,
      { deployDateTime: '2027-01-01T00:00:00Z' },
      'deployDateTime',
    ),
    patch('a name', t.reviewDriver, { name: 'renamed' }, 'name'),
    patch('a category', t.reviewDriver, { category: 'recommended' }, 'category'),
    patch('an unknown property', t.reviewDriver, { colour: 'red' }, 'colour'),
  ];
}

function actionBodies(t: CaseTargets): BadRequestCase[] {
  return [
    invalid(
      'syncInventory with parameters',
      'POST',
      `${t.manual}/syncInventory`,
      { force: true },
      /takes no body/,
    ),
    invalid(
      'syncInventory with an array',
      'POST',
      `${t.manual}/syncInventory`,
      [],
      /takes no body/,
    ),
  ];
}

export function badBodyCases(t: CaseTargets): BadRequestCase[] {
  return [
    ...brokenJson(t),
    ...notObjects(t),
    ...profileCreates(),
    ...profileUpdates(t),
    ...assignments(t),
    ...assignActions(t),
    ...driverActions(t),
    ...driverPatches(t),
    ...actionBodies(t),
  ];
}
