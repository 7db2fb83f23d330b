// The approval rules an admin's action must obey. Approved never goes back to declined: a driver
// that may already be on devices can only be paused (suspended).

export type ApprovalStatus = 'needsReview' | 'declined' | 'approved' | 'suspended';
export type ApprovalAction = 'approve' | 'decline' | 'suspend';

export const approvalStatuses: readonly ApprovalStatus[] = [
  'needsReview',
  'declined',
  'approved',
  'suspended',
];
export const approvalActions: readonly ApprovalAction[] = ['approve', 'decline', 'suspend'];

const allowed: Readonly<Record<ApprovalStatus, readonly ApprovalAction[]>> = {
  needsReview: ['approve', 'decline'],
  approved: ['suspend'],
  suspended: ['approve'],
  declined: ['approve'],
};

const resultOf: Readonly<Record<ApprovalAction, ApprovalStatus>> = {
  approve: 'approved',
  decline: 'declined',
  suspend: 'suspended',
};

/** The status an action leads to from `current`, or null when the rules forbid it. */
export function applyApprovalAction(
  current: ApprovalStatus,
  action: ApprovalAction,
): ApprovalStatus | null {
  return allowed[current].includes(action) ? resultOf[action] : null;
}

/** The action that moves a driver from `current` to `target`, or null when none may. */
export function actionTowards(
  current: ApprovalStatus,
  target: ApprovalStatus,
): ApprovalAction | null {
  const action = approvalActions.find((a) => resultOf[a] === target) ?? null;

  return action && applyApprovalAction(current, action) ? action : null;
}
