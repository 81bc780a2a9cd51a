/**
 * @module The beneficiary register as a pure function of the commune's grants and their changes (issue 12): each
 * grant where it stands this month after its decided changes (src/shared/allowance-history.ts), the burial support
 * for one who died, and the changes the engine finds due. In a file of its own, apart from lists.ts, so the desk's
 * list does not load the benefit timeline. A category that would tell HIV status is said neutrally (publicCategory).
 */
import type { GrantState } from '../../shared/allowance-history';
import type { ChangeKind } from '../../shared/records/allowance-change';
import type { AllowanceCase } from '../../db/cases';
import { decidedChanges, type ChangeCase } from '../../db/change-cases';
import { dueChanges, stateSince, standingOf, type DueChange } from './change-lists';
import { publicCategory, type ListWords } from './lists';

export interface RegisterRow {
  id: string;
  fullName: string;
  category: string;
  /** Where the grant stands this month; undefined while the device has the approval but not its decision yet. */
  state: GrantState | undefined;
  /** The month that state runs from (a suspension, a stop, a move out; the first month of one not begun). */
  since: string | undefined;
  /** This month's coefficient and amount (a new M followed, the suspended or stopped month at 0). */
  coefficient: number | undefined;
  amount: number;
  /** The grant's decision. */
  decision: { coefficient: number; amount: number; startMonth: string; number: string; signedOn: string } | undefined;
  /** The last change decided on it. */
  lastChange: { kind: ChangeKind; number: string; signedOn: string; effectiveMonth: string } | undefined;
  /** The burial support of Art. 11 when the person died a beneficiary. */
  burial: { amount: number; month: string } | undefined;
  /** What the engine finds due (turning 80…) and no change proposed covers yet; the category said as above. */
  due: { kind: DueChange['kind']; effectiveMonth: string; category: string; coefficient: number | undefined }[];
}

/** One approved grant's row for `month`, from it and its own changes. */
export function registerRow(
  c: AllowanceCase,
  own: readonly ChangeCase[],
  month: string,
  words: ListWords,
): RegisterRow {
  const d = c.decision;
  const standing = standingOf(c, own, month);
  const last = decidedChanges(own)
    .sort((a, b) => a.decision.signedOn.localeCompare(b.decision.signedOn))
    .at(-1);
  const code = standing?.line?.categoryCode ?? d?.categoryCode;
  return {
    id: c.id,
    fullName: c.application.applicant.fullName,
    category: publicCategory(code, c.application.form, words),
    state: standing?.state,
    since: standing ? stateSince(c, own, standing.state, month) : undefined,
    coefficient: standing?.line?.coefficient,
    amount: standing?.line?.amount ?? 0,
    decision: d && {
      coefficient: d.coefficient,
      amount: d.amount,
      startMonth: d.startMonth,
      number: d.number,
      signedOn: d.signedOn,
    },
    lastChange: last && {
      kind: last.change.change,
      number: last.decision.number,
      signedOn: last.decision.signedOn,
      effectiveMonth: last.decision.effectiveMonth,
    },
    burial: standing?.burial && { amount: standing.burial.amount, month: standing.burial.month },
    due: dueChanges(c, own, month, 12, standing)
      .filter((p) => !p.proposed)
      .map((p) => ({
        kind: p.kind,
        effectiveMonth: p.effectiveMonth,
        category: publicCategory(p.categoryCode, c.application.form, words),
        coefficient: p.coefficient,
      })),
  };
}

/** The approved grants, each with its own changes: what the register is made of. */
export function registerInput(grants: readonly AllowanceCase[], changes: readonly ChangeCase[]) {
  const byGrant = new Map<string, ChangeCase[]>();
  for (const change of changes)
    byGrant.set(change.change.grantCaseId, [...(byGrant.get(change.change.grantCaseId) ?? []), change]);
  return grants.filter((c) => c.status === 'approved').map((grant) => ({ grant, own: byGrant.get(grant.id) ?? [] }));
}

/** The rows by name, how many are paid this month and the monthly total of those. */
export function registerTotals(rows: readonly RegisterRow[]): { rows: RegisterRow[]; count: number; total: number } {
  const sorted = [...rows].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  const paid = sorted.filter((r) => r.state === 'active');
  return { rows: sorted, count: paid.length, total: paid.reduce((s, r) => s + r.amount, 0) };
}

/**
 * The beneficiary register for `month`: each approved grant where it stands after its decided changes, this
 * month's coefficient and amount, its decision and last change decision, the burial support for one who died, the
 * changes due; a count and the monthly total of those paid this month.
 */
export function beneficiaryRegister(
  grants: readonly AllowanceCase[],
  changes: readonly ChangeCase[],
  month: string,
  words: ListWords,
): { rows: RegisterRow[]; count: number; total: number } {
  return registerTotals(registerInput(grants, changes).map(({ grant, own }) => registerRow(grant, own, month, words)));
}
