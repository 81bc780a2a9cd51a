/**
 * @module What the officer sends to take a step on a payroll month (issue 13; sync-server/src/payroll/months.ts has
 * the steps' rules): checked by the payroll screen before sending and by the server on arrival.
 */
import * as v from 'valibot';
import { IsoDay, required } from './fields';
import { encodeMessage } from './messages';
import type { Payroll } from '../domain/payroll/payroll';

/** The list the officer approves, by the fingerprint the server showed with it. */
export const PayrollApproval = v.object({ seen: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)) });

/** The chairman's approval that locks the month, as the officer records it from the signed list. */
export const PayrollLock = v.object({
  signer: required(120, 'signer'),
  signedOn: v.pipe(v.string(encodeMessage('field.required', { label: 'signedOn' })), IsoDay),
});

/** Why a month approved or locked is opened again: kept in its history. */
export const PayrollReopen = v.object({ reason: required(500, 'reason') });

export type PayrollLock = v.InferOutput<typeof PayrollLock>;

export type PayrollMonthState = 'open' | 'approved' | 'locked';

/** A step taken on a month, as its history keeps it. */
export interface PayrollMonthStep {
  readonly step: 'approved' | 'locked' | 'reopened';
  readonly by: string;
  readonly at: number;
  readonly reason?: string;
  readonly signer?: string;
  readonly signedOn?: string;
  /** The list's control totals when the step was taken. */
  readonly amount?: number;
  readonly lines?: number;
}

/** A payroll month as GET /api/payroll/:code/:month answers it. */
export interface PayrollMonthView {
  readonly state: PayrollMonthState;
  /** The list: as kept when locked, or approved and still what the records give; otherwise as they give it now. */
  readonly list: Payroll;
  /** The shown list's fingerprint: what the officer sends back to approve it. */
  readonly fingerprint: string;
  /**
   * Approved or locked, and the records now give another list (a decision since): an approved month must be
   * approved again; for a locked one it is the next month's arrears.
   */
  readonly changedSince: boolean;
  readonly approved?: { readonly by: string; readonly at: number };
  readonly locked?: { readonly by: string; readonly at: number; readonly signer: string; readonly signedOn: string };
  readonly history: readonly PayrollMonthStep[];
  /** The payer's returns recorded on the list: lines paid and unpaid. */
  readonly returned: { readonly paid: number; readonly unpaid: number; readonly amountPaid: number };
}
