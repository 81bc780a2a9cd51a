/**
 * @module A change to a monthly allowance already decided (Decree 20/2021 Art. 8–9, Circular 02/2021 Art. 2, CASES.md
 * §1.3), kept in a case of kind `allowance-change` about the same member: what is proposed (adjust, stop, suspend,
 * resume, move out), why, from which month, and the chairman's decision on it. Proposed and decided the same way as
 * an application (src/shared/workflow.ts); the person's benefit timeline is read from the decisions
 * (src/shared/allowance-history.ts). A move in is not a change: the receiving commune decides an application of its
 * own, from the month the old commune stopped paying.
 */
import * as v from 'valibot';
import { CommuneCode, IsoDay, Uuid, required, trimmed } from '../fields';
import { encodeMessage } from '../messages';
import { IsoMonth, Money } from './allowance';

export const CHANGE_KINDS = ['adjust', 'stop', 'suspend', 'resume', 'move-out'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Why, by kind (TT 02/2021 Art. 2; Art. 8(1)(đ) for a higher level). */
export const CHANGE_REASONS = {
  adjust: ['turned-age', 'disability-level', 'conditions-changed'],
  stop: ['death', 'missing', 'not-eligible', 'prison', 'refused', 'suspension-unresolved'],
  suspend: ['not-collected', 'refused-reassessment', 'pre-trial-detention'],
  resume: ['collected-again', 'reassessed', 'released'],
  'move-out': ['moved'],
} as const satisfies Record<ChangeKind, readonly string[]>;
export type ChangeReason = (typeof CHANGE_REASONS)[ChangeKind][number];
const ALL_REASONS = Object.values(CHANGE_REASONS).flat() as ChangeReason[];

export const AllowanceChange = v.pipe(
  v.object({
    change: v.picklist(CHANGE_KINDS),
    /** The allowance case (an approved application) whose decision changes. */
    grantCaseId: Uuid,
    reason: v.picklist(ALL_REASONS),
    /** The day of what happened (the death, the detention, the move): a stop runs from the month after it. */
    eventOn: v.optional(IsoDay),
    proposedOn: IsoDay,
    /** The first month the change is proposed to alter what is paid. */
    effectiveMonth: IsoMonth,
    /** adjust: a new disability level, certified. */
    disabilityLevel: v.optional(v.picklist(['mild', 'severe', 'especially-severe'])),
    /** resume: the suspended months are paid as arrears (TT 02/2021 Art. 6(1)(b)). */
    withArrears: v.optional(v.boolean()),
    /** move-out: the commune the person moved to, which decides anew. */
    toCommune: v.optional(CommuneCode),
    /** stop on death: who organised the burial and receives the burial support (Art. 11). */
    burialBy: v.optional(v.object({ fullName: required(120, 'fullName'), relation: trimmed(60, 'relation') })),
    note: v.optional(trimmed(500, 'notes')),
  }),
  v.forward(
    v.check((c) => (CHANGE_REASONS[c.change] as readonly string[]).includes(c.reason), encodeMessage('change.reason')),
    ['reason'],
  ),
  v.forward(
    v.check((c) => c.reason !== 'death' || c.eventOn !== undefined, encodeMessage('change.deathDate')),
    ['eventOn'],
  ),
  v.forward(
    v.check((c) => c.change !== 'move-out' || c.toCommune !== undefined, encodeMessage('change.toCommune')),
    ['toCommune'],
  ),
);
export type AllowanceChange = v.InferOutput<typeof AllowanceChange>;

/**
 * The chairman's decision on a change: number, date, signer and the month it takes effect; for an adjustment the
 * new category, coefficient and amount (checked by the server against the engine as a grant's are).
 */
export const ChangeDecision = v.object({
  number: v.pipe(
    v.string(encodeMessage('field.required', { label: 'decisionNumber' })),
    required(40, 'decisionNumber'),
  ),
  signedOn: v.pipe(v.string(encodeMessage('field.required', { label: 'signedOn' })), IsoDay),
  signer: required(120, 'signer'),
  effectiveMonth: IsoMonth,
  categoryCode: v.optional(v.pipe(v.string(), v.maxLength(60))),
  coefficient: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10))),
  amount: v.optional(Money),
  overrideReason: v.optional(trimmed(500, 'reason')),
  /** Written by the server from the rule pack for an adjustment. */
  clause: v.optional(v.pipe(v.string(), v.maxLength(20))),
  /** Written by the server on a stop on death: the burial support of Art. 11. */
  burialAmount: v.optional(Money),
});
export type ChangeDecision = v.InferOutput<typeof ChangeDecision>;

/** What the server copies from the grant when a change is submitted, so a pull can tell what it is about. */
export const ChangeAbout = v.object({ form: v.string(), categoryCode: v.optional(v.string()) });
