/**
 * @module Changes to a decided allowance as pure functions of the cases (issue 12, Decree 20/2021 Art. 8–9, TT
 * 02/2021 Art. 2): where a grant stands in a month after its decided changes (grantStanding, so a new M is
 * followed without a decision), which kinds of change fit that, the month a change is best proposed from, the
 * application as it reads after its adjustments, and the changes the engine finds due (turning 80, a child
 * growing out of a category) that no change proposed yet covers.
 */
import { addMonths, maxOf, type IsoMonth } from '../../domain/common/dates';
import { proposedChanges, type ProposedChange } from '../../domain/allowance/benefit-timeline';
import { NoRuleInForceError } from '../../domain/common/answer';
import {
  applicationAfter,
  changeApplies,
  deathStopMonth,
  grantStanding,
  type GrantStanding,
  type GrantState,
} from '../../shared/allowance-history';
import { applicationPerson } from '../../shared/allowance-proposal';
import type { AllowanceApplication } from '../../shared/records/allowance';
import { CHANGE_KINDS, type AllowanceChange, type ChangeKind } from '../../shared/records/allowance-change';
import type { AllowanceCase } from '../../db/cases';
import { decidedChanges, type ChangeCase } from '../../db/change-cases';

/** Where an approved grant stands in `month`; undefined until the device holds its decision. */
export function standingOf(
  grant: AllowanceCase,
  changes: readonly ChangeCase[],
  month: IsoMonth,
): GrantStanding | undefined {
  if (grant.status !== 'approved' || !grant.decision) return undefined;
  return grantStanding({ caseId: grant.id, decision: grant.decision }, decidedChanges(changes), month);
}

/** The month the standing took its present state from: the last decided change of that kind in force. */
export function stateSince(grant: AllowanceCase, changes: readonly ChangeCase[], state: GrantState, month: IsoMonth) {
  const kinds: Partial<Record<GrantState, readonly ChangeKind[]>> = {
    suspended: ['suspend'],
    stopped: ['stop'],
    'moved-out': ['move-out'],
  };
  const wanted = kinds[state];
  if (!wanted) return state === 'not-yet' ? grant.decision?.startMonth : undefined;
  return decidedChanges(changes)
    .filter((c) => c.change.grantCaseId === grant.id && wanted.includes(c.change.change))
    .map((c) => c.decision.effectiveMonth)
    .filter((m) => m <= month)
    .sort()
    .at(-1);
}

/** The kinds of change that fit where the grant stands (TT 02/2021 Art. 2), in the order a form offers them. */
export const kindsThatApply = (state: GrantState): ChangeKind[] => CHANGE_KINDS.filter((k) => changeApplies(k, state));

/** The application as it reads after its decided adjustments (a new disability level), oldest first. */
export const currentApplication = (grant: AllowanceCase, changes: readonly ChangeCase[]): AllowanceApplication =>
  applicationAfter(grant.application, grant.id, decidedChanges(changes));

/** A change the engine finds due on a grant, and whether a change already proposed covers it. */
export interface DueChange {
  readonly kind: 'adjust' | 'stop';
  readonly effectiveMonth: IsoMonth;
  readonly categoryCode: string | undefined;
  readonly coefficient: number | undefined;
  /** A change of that kind from that month is already proposed (not refused). */
  readonly proposed: boolean;
}

const monthsBetween = (a: IsoMonth, b: IsoMonth) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/**
 * What the passing of time calls for on a grant in force, from its last decision (the grant or its last
 * adjustment) to `horizon` months after `month`: one due already and not decided is shown as well as one to come.
 */
export function dueChanges(
  grant: AllowanceCase,
  changes: readonly ChangeCase[],
  month: IsoMonth,
  horizon = 12,
  /** Where the grant stands in `month`, when the caller has it already (the timeline is not cheap). */
  standing: GrantStanding | undefined = standingOf(grant, changes, month),
): DueChange[] {
  if (!grant.decision || (standing?.state !== 'active' && standing?.state !== 'suspended')) return [];
  const person = applicationPerson(currentApplication(grant, changes), grant.sensitive, grant.communeCode);
  if (!person) return [];
  const adjustments = decidedChanges(changes).filter(
    (c) => c.change.grantCaseId === grant.id && c.change.change === 'adjust',
  );
  const from = adjustments.reduce((m, c) => maxOf(m, c.decision.effectiveMonth), grant.decision.startMonth);
  const until = addMonths(month, horizon);
  let found: readonly ProposedChange[];
  try {
    found = proposedChanges(person, from, monthsBetween(from, until));
  } catch (error) {
    if (error instanceof NoRuleInForceError) return [];
    throw error;
  }
  const open = changes.filter((c) => c.change.grantCaseId === grant.id && c.status !== 'rejected');
  return found.flatMap((p): DueChange[] =>
    p.kind === 'adjust' || p.kind === 'stop'
      ? [
          {
            kind: p.kind,
            effectiveMonth: p.effectiveMonth,
            categoryCode: p.categoryCode,
            coefficient: p.coefficient,
            proposed: open.some((c) => c.change.change === p.kind && c.change.effectiveMonth === p.effectiveMonth),
          },
        ]
      : [],
  );
}

/**
 * The month a change is best proposed from: a stop on death from the month after it (Art. 8(2)); another stop or
 * a move out from the month after what happened; an adjustment from the month the engine finds it due; otherwise
 * the month after this one (a decision is signed before the month it alters).
 */
export function suggestedMonth(
  change: Pick<AllowanceChange, 'change' | 'reason' | 'eventOn'>,
  due: readonly DueChange[],
  month: IsoMonth,
): IsoMonth {
  const death = deathStopMonth({ ...change, grantCaseId: '', proposedOn: '', effectiveMonth: month });
  if (death) return death;
  if ((change.change === 'stop' || change.change === 'move-out') && change.eventOn)
    return addMonths(change.eventOn.slice(0, 7), 1);
  if (change.change === 'adjust') {
    const engine = due.find((d) => d.kind === 'adjust' && !d.proposed)?.effectiveMonth;
    if (engine) return engine;
  }
  if (change.change === 'resume') return month;
  return addMonths(month, 1);
}

/** The changes still open: proposed and not decided, refused or returned. */
export const openChanges = (changes: readonly ChangeCase[]): ChangeCase[] =>
  changes.filter((c) => c.status === 'submitted' || c.status === 'draft');
