import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionTowards, applyApprovalAction } from './transitions.js';

test('a driver awaiting review can be approved or declined but not suspended', () => {
  assert.equal(applyApprovalAction('needsReview', 'approve'), 'approved');
  assert.equal(applyApprovalAction('needsReview', 'decline'), 'declined');
  assert.equal(applyApprovalAction('needsReview', 'suspend'), null);
});

test('an approved driver can only be suspended, never declined', () => {
  assert.equal(applyApprovalAction('approved', 'suspend'), 'suspended');
  assert.equal(applyApprovalAction('approved', 'decline'), null);
  assert.equal(applyApprovalAction('approved', 'approve'), null);
});

test('suspended and declined drivers can be approved again', () => {
  assert.equal(applyApprovalAction('suspended', 'approve'), 'approved');
  assert.equal(applyApprovalAction('suspended', 'decline'), null);
  assert.equal(applyApprovalAction('declined', 'approve'), 'approved');
  assert.equal(applyApprovalAction('declined', 'suspend'), null);
});

test('a target status maps to the action that reaches it only when the rules allow', () => {
  assert.equal(actionTowards('needsReview', 'approved'), 'approve');
  assert.equal(actionTowards('approved', 'declined'), null);
  assert.equal(actionTowards('approved', 'needsReview'), null);
});
