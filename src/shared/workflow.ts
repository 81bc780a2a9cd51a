/**
 * @module The review workflow of a case (a survey, an allowance application): who may move it where, and what a
 * step carries. The server enforces it on every command; the app uses it to show only the buttons that will work.
 *
 * An allowance application goes further than a survey (CASES.md §1.2): the officer records the ID checked against
 * the population database (verify), posts the list publicly (post), and records the chairman's signed decision
 * (approve) or written refusal (reject). Those steps carry a payload, checked here with the shared schemas.
 */
import * as v from 'valibot';
import type { Role } from './roles';
import { notPermitted, rolesThatCan } from './permissions';
import { issueMessages, message, type Message } from './messages';
import { AllowanceDecision, AllowanceRefusal, IdCheck } from './records/allowance';
import { ChangeDecision } from './records/allowance-change';

export type CaseStatus = 'draft' | 'submitted' | 'verified' | 'posted' | 'approved' | 'rejected' | 'returned';
export type CaseCommand = 'submit' | 'verify' | 'post' | 'approve' | 'reject' | 'return';
export const CASE_COMMANDS = ['submit', 'verify', 'post', 'approve', 'reject', 'return'] as const;
export type CaseKind = 'survey' | 'allowance' | 'allowance-change';

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  /** Returning or rejecting without saying why helps nobody. */
  needsComment: boolean;
  /** What the step records, checked before it applies. */
  payload?: v.GenericSchema;
}

// Who may move a case comes from the one role matrix (src/shared/permissions.ts).
const FIELD: readonly Role[] = rolesThatCan('case', 'submit');
const OFFICE: readonly Role[] = rolesThatCan('case', 'decide');

const SURVEY: Readonly<Partial<Record<CaseCommand, Transition>>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: FIELD, needsComment: false },
  verify: { from: ['submitted'], to: 'verified', roles: OFFICE, needsComment: false },
  approve: { from: ['submitted', 'verified'], to: 'approved', roles: OFFICE, needsComment: false },
  reject: { from: ['submitted', 'verified'], to: 'rejected', roles: OFFICE, needsComment: true },
  return: { from: ['submitted', 'verified'], to: 'returned', roles: OFFICE, needsComment: true },
};

const ALLOWANCE: Readonly<Partial<Record<CaseCommand, Transition>>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: FIELD, needsComment: false },
  verify: { from: ['submitted'], to: 'verified', roles: OFFICE, needsComment: false, payload: IdCheck },
  post: { from: ['verified'], to: 'posted', roles: OFFICE, needsComment: false },
  approve: { from: ['posted'], to: 'approved', roles: OFFICE, needsComment: false, payload: AllowanceDecision },
  reject: {
    from: ['submitted', 'verified', 'posted'],
    to: 'rejected',
    roles: OFFICE,
    needsComment: false,
    payload: AllowanceRefusal,
  },
  return: { from: ['submitted', 'verified', 'posted'], to: 'returned', roles: OFFICE, needsComment: true },
};

/**
 * A change to an allowance decided (adjust, stop, suspend, resume, move out: TT 02/2021 Art. 2(4), the officer
 * compiles them for the chairman): proposed, then decided or refused in writing, or returned. No public posting.
 */
const ALLOWANCE_CHANGE: Readonly<Partial<Record<CaseCommand, Transition>>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: FIELD, needsComment: false },
  approve: { from: ['submitted'], to: 'approved', roles: OFFICE, needsComment: false, payload: ChangeDecision },
  reject: { from: ['submitted'], to: 'rejected', roles: OFFICE, needsComment: false, payload: AllowanceRefusal },
  return: { from: ['submitted'], to: 'returned', roles: OFFICE, needsComment: true },
};

export const TRANSITIONS: Readonly<Record<CaseKind, Readonly<Partial<Record<CaseCommand, Transition>>>>> = {
  survey: SURVEY,
  allowance: ALLOWANCE,
  'allowance-change': ALLOWANCE_CHANGE,
};

export type TransitionCheck = { ok: true; to: CaseStatus; payload?: unknown } | { ok: false; reason: Message };

export function checkTransition(
  kind: CaseKind,
  status: CaseStatus,
  command: CaseCommand,
  role: Role,
  comment: string | undefined,
  payload?: unknown,
): TransitionCheck {
  const transition = TRANSITIONS[kind][command];
  if (transition && !transition.roles.includes(role))
    return { ok: false, reason: notPermitted(role, 'case', command === 'submit' ? 'submit' : 'decide') };
  if (!transition?.from.includes(status)) {
    return { ok: false, reason: message('reject.caseStatus', { status, command }) };
  }
  if (transition.needsComment && !comment?.trim()) return { ok: false, reason: message('reject.commentNeeded') };
  if (!transition.payload) return { ok: true, to: transition.to };
  const parsed = v.safeParse(transition.payload, payload);
  if (!parsed.success)
    return { ok: false, reason: message('reject.invalidData', undefined, issueMessages(parsed.issues)) };
  return { ok: true, to: transition.to, payload: parsed.output };
}

/** The commands a role may give a case of this kind in this status (the buttons to show). */
export function commandsFor(kind: CaseKind, status: CaseStatus, role: Role): CaseCommand[] {
  return CASE_COMMANDS.filter((command) => {
    const transition = TRANSITIONS[kind][command];
    return transition?.from.includes(status) && transition.roles.includes(role);
  });
}
