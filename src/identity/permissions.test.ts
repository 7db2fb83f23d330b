import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphError } from '../graph/errors.js';
import {
  DEVICE_MANAGEMENT_CONFIGURATION_READ_ALL as READ,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL as READ_WRITE,
  requirePermission,
} from './permissions.js';
import type { Principal } from './principal.js';

function principal(overrides: Partial<Principal>): Principal {
  return {
    tenantId: '6f1c0f4e-6d33-4f22-9d2a-1a7f3a0b5a11',
    objectId: '5d2f8a41-93c6-4b7e-a0d1-6e4c2b9f8a13',
    appId: null,
    kind: 'delegated',
    scopes: new Set(),
    roles: new Set(),
    deviceId: null,
    user: null,
    ...overrides,
  };
}

function assertForbidden(action: () => void, needed: RegExp): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof GraphError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'Forbidden');
    assert.match(error.message, needed);

    return true;
  });
}

describe('requirePermission', () => {
  test('lets a delegated caller through on any one of the listed scopes', () => {
    const reader = principal({ scopes: new Set([READ]) });

    requirePermission(reader, [READ, READ_WRITE]);
  });

  test('refuses a Read.All caller a ReadWrite.All operation, naming the permission', () => {
    const reader = principal({ scopes: new Set([READ]) });

    assertForbidden(() => requirePermission(reader, [READ_WRITE]), /delegated scope .*ReadWrite/);
  });

  test('grants applications through roles, never through scopes', () => {
    const app = principal({ kind: 'application', roles: new Set([READ_WRITE]) });
    const confused = principal({ kind: 'application', scopes: new Set([READ_WRITE]) });

    requirePermission(app, [READ_WRITE]);
    assertForbidden(() => requirePermission(confused, [READ_WRITE]), /application role/);
  });

  test('grants delegated callers through scopes, never through roles', () => {
    const confused = principal({ roles: new Set([READ]) });

    assertForbidden(() => requirePermission(confused, [READ, READ_WRITE]), /one of .*Read\.All/);
  });

  test('refuses device tokens every Graph permission', () => {
    const device = principal({ kind: 'device', deviceId: 'pc-0042' });

    assertForbidden(() => requirePermission(device, [READ]), /device tokens .*Read\.All/);
  });
});
