/**
 * @module The review workflow of a case (a survey, an allowance proposal): who may move it where. The server
 * enforces it on every command; the app uses it to show only the buttons that will work.
 */
import type { Role } from './roles';
import { notPermitted, rolesThatCan } from './permissions';
import { message, type Message } from './messages';

export type CaseStatus = 'draft' | 'submitted' | 'verified' | 'approved' | 'rejected' | 'returned';
export type CaseCommand = 'submit' | 'verify' | 'approve' | 'reject' | 'return';

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  /** Returning or rejecting without saying why helps nobody. */
  needsComment: boolean;
}

// Who may move a case comes from the one role matrix (src/shared/permissions.ts).
const FIELD: readonly Role[] = rolesThatCan('case', 'submit');
const OFFICE: readonly Role[] = rolesThatCan('case', 'decide');

export const TRANSITIONS: Readonly<Record<CaseCommand, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: FIELD, needsComment: false },
  verify: { from: ['submitted'], to: 'verified', roles: OFFICE, needsComment: false },
  approve: { from: ['submitted', 'verified'], to: 'approved', roles: OFFICE, needsComment: false },
  reject: { from: ['submitted', 'verified'], to: 'rejected', roles: OFFICE, needsComment: true },
  return: { from: ['submitted', 'verified'], to: 'returned', roles: OFFICE, needsComment: true },
};

export type TransitionCheck = { ok: true; to: CaseStatus } | { ok: false; reason: Message };

export function checkTransition(
  status: CaseStatus,
  command: CaseCommand,
  role: Role,
  comment: string | undefined,
): TransitionCheck {
  const transition = TRANSITIONS[command];
  if (!transition.roles.includes(role))
    return { ok: false, reason: notPermitted(role, 'case', command === 'submit' ? 'submit' : 'decide') };
  if (!transition.from.includes(status)) {
    return { ok: false, reason: message('reject.caseStatus', { status, command }) };
  }
  if (transition.needsComment && !comment?.trim()) return { ok: false, reason: message('reject.commentNeeded') };
  return { ok: true, to: transition.to };
}
