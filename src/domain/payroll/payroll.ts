// A commune's payroll month as a pure function (issue 13; CASES.md §2.1, §2.3–2.4; Decree 20/2021 Art. 34): for
// each beneficiary, from their benefit timeline (src/domain/allowance/benefit-timeline.ts) and the earlier lists,
// one line per payment — the person's own allowance and each care support of Art. 20 — with this month's amount,
// the arrears (truy lĩnh: months due that no earlier list covered), the amounts an earlier list carried that the
// payer returned unpaid (chưa trả tháng trước), the one-offs (burial support), the total and what it covers month by
// month, so the next list can tell what is still owed. Then the control totals, the increase/decrease list and
// the suspensions three unpaid months in a row call for.
//
// Readings (docs/rules.md, "Payroll"):
// - a line is paid whole or not at all: the payer's return of a line says paid or unpaid for every month it covers;
// - a month covered by a line whose return has not come yet is neither owed nor paid: it is not listed again;
// - a month owed and covered by a line returned unpaid is "carried"; owed and never covered, "arrears";
// - three lists in a row returned unpaid for a person's own allowance propose a suspension from this month
//   (TT 02/2021 Art. 2(3)); the officer decides it like any change.
import { NoRuleInForceError } from '../common/answer';
import { addMonths, maxOf, monthOf, type IsoMonth } from '../common/dates';
import type { Bilingual } from '../common/rule';
import { benefitTimeline, type TimelineMonth } from '../allowance/benefit-timeline';
import type { BenefitDecision } from '../allowance/benefit-timeline-schema';
import type { PackRegistry } from '../packs/resolve';
import type { CareAllowanceCode } from '../packs/types';
import type { EarlierList, Payee, PayrollBeneficiary, PayrollInput } from './payroll-schema';

export interface Covered {
  readonly month: IsoMonth;
  readonly amount: number;
  readonly kind?: 'burial';
}

export interface PayrollLine {
  readonly beneficiaryId: string;
  readonly fullName: string;
  readonly birthYear?: string;
  readonly village?: string;
  readonly citizenId?: string;
  readonly line: 'allowance' | 'care';
  readonly careCode?: CareAllowanceCode;
  readonly categoryCode?: string;
  readonly coefficient?: number;
  /** The decisions this month's amount comes from (their numbers). */
  readonly decisionNumbers: readonly string[];
  readonly thisMonth: number;
  readonly arrears: { readonly months: readonly IsoMonth[]; readonly amount: number };
  readonly carried: { readonly months: readonly IsoMonth[]; readonly amount: number };
  readonly oneOffs: readonly { readonly kind: 'burial'; readonly month: IsoMonth; readonly amount: number }[];
  readonly total: number;
  /** What the line pays, benefit month by month: the next list reads it back as an earlier list's line. */
  readonly covers: readonly Covered[];
  readonly payee?: Payee;
  readonly basis: Bilingual;
  readonly provisional: boolean;
}

export type ChangeGroup = 'A' | 'B' | 'C' | 'D';
export type ChangeReason =
  | 'new'
  | 'moved-in'
  | 'resumed'
  | 'died'
  | 'stopped'
  | 'moved-out'
  | 'suspended'
  | 'level'
  | 'burial'
  | 'arrears';

/** A line of the increase/decrease list (danh sách tăng giảm, Art. 34(4); CASES.md §2.4). */
export interface PayrollChange {
  readonly group: ChangeGroup;
  readonly reason: ChangeReason;
  readonly beneficiaryId: string;
  readonly fullName: string;
  readonly line: 'allowance' | 'care';
  readonly careCode?: CareAllowanceCode;
  /** The monthly amount last month and this month (for D, the one-off or the arrears paid). */
  readonly oldAmount: number;
  readonly newAmount: number;
  readonly decisionNumber?: string;
}

export interface PayrollProposal {
  readonly beneficiaryId: string;
  readonly kind: 'suspend';
  readonly effectiveMonth: IsoMonth;
  readonly basis: Bilingual;
}

export interface Payroll {
  readonly commune: string;
  readonly month: IsoMonth;
  readonly lines: readonly PayrollLine[];
  /** Control totals, as on a disbursement envelope. */
  readonly totals: {
    readonly lines: number;
    readonly people: number;
    readonly thisMonth: number;
    readonly arrears: number;
    readonly carried: number;
    readonly oneOffs: number;
    readonly amount: number;
  };
  readonly changes: readonly PayrollChange[];
  readonly proposals: readonly PayrollProposal[];
  /** A line priced with a rule or reading not confirmed (M = 540.000 from 7/2026, a move [U]). */
  readonly provisional: boolean;
}

const mm = (m: IsoMonth) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const lineKey = (beneficiaryId: string, line: 'allowance' | 'care', careCode?: string) =>
  `${beneficiaryId}|${line}|${careCode ?? ''}`;

interface Ledger {
  /** Per benefit month: what lines paid, what lines still being paid cover, what lines returned unpaid covered. */
  readonly paid: Map<string, number>;
  readonly pending: Map<string, number>;
  readonly unpaid: Map<string, number>;
}

const add = (m: Map<string, number>, key: string, amount: number) => m.set(key, (m.get(key) ?? 0) + amount);
const coverKey = (month: IsoMonth, kind?: string) => `${month}|${kind ?? ''}`;

/** The earlier lists, line by line: what each benefit month of each line was paid, is being paid, went unpaid. */
function ledgers(lists: readonly EarlierList[]): Map<string, Ledger> {
  const out = new Map<string, Ledger>();
  for (const list of lists)
    for (const l of list.lines) {
      const key = lineKey(l.beneficiaryId, l.line, l.careCode);
      let ledger = out.get(key);
      if (!ledger) {
        ledger = { paid: new Map(), pending: new Map(), unpaid: new Map() };
        out.set(key, ledger);
      }
      const into = l.returned === 'paid' ? ledger.paid : l.returned === 'unpaid' ? ledger.unpaid : ledger.pending;
      for (const c of l.covers) add(into, coverKey(c.month, c.kind), c.amount);
    }
  return out;
}

/** What last month's list paid each line for last month itself; undefined when there was no list last month. */
function lastMonthListed(lists: readonly EarlierList[], month: IsoMonth): Map<string, number> | undefined {
  const prev = addMonths(month, -1);
  const list = lists.find((l) => l.month === prev);
  if (!list) return undefined;
  const out = new Map<string, number>();
  for (const l of list.lines)
    for (const c of l.covers)
      if (c.month === prev && c.kind === undefined) add(out, lineKey(l.beneficiaryId, l.line, l.careCode), c.amount);
  return out;
}

const EMPTY: Ledger = { paid: new Map(), pending: new Map(), unpaid: new Map() };

/** The payroll of `input.month`. Pass an input validated with `PayrollInputSchema`. */
export function payroll(input: PayrollInput, registry: PackRegistry = {}): Payroll {
  const month = input.month;
  const since = input.listsSince ?? month;
  const books = ledgers(input.earlierLists ?? []);
  const previous = lastMonthListed(input.earlierLists ?? [], month);
  const lines: PayrollLine[] = [];
  const changes: PayrollChange[] = [];
  const proposals: PayrollProposal[] = [];
  for (const b of input.beneficiaries) {
    const decisions = b.decisions as BenefitDecision[];
    if (decisions.length === 0) continue;
    const first = decisions.map((d) => d.effectiveMonth).sort()[0] as IsoMonth;
    // Priced from the month before this one (its amount is compared) or the first month lists are made here, if
    // earlier — never from the first decision years back: the decisions before `from` still apply, in order, and
    // what was due before `listsSince` was settled outside.
    const window = [since, addMonths(month, -1)].sort()[0] as IsoMonth;
    const from = maxOf(first, window);
    let timeline: ReturnType<typeof benefitTimeline>;
    try {
      timeline = benefitTimeline(
        {
          decisions,
          events: b.events ?? [],
          from,
          to: month,
          ...(input.province ? { province: input.province } : {}),
        },
        registry,
      );
    } catch (e) {
      // A month before any standard level (a decision dated before 2021): priced from the first month there is one.
      if (!(e instanceof NoRuleInForceError)) throw e;
      timeline = benefitTimeline({ decisions, events: b.events ?? [], from: maxOf(from, since), to: month }, registry);
    }
    const byLine = new Map<string, TimelineMonth[]>();
    for (const m of timeline.months) {
      const key = lineKey(b.id, m.line, m.careCode);
      const list = byLine.get(key) ?? [];
      list.push(m);
      byLine.set(key, list);
    }
    for (const [key, months] of byLine) {
      // Last month's amount as last month's list paid it (none when the person was not on it), or as due.
      const last = previous ? (previous.get(key) ?? 0) : undefined;
      const made = personLine(b, months, books.get(key) ?? EMPTY, month, since, timeline.oneOffs, last);
      if (made.line) lines.push(made.line);
      changes.push(...made.changes);
    }
    const proposal = threeUnpaid(b, input.earlierLists ?? [], month);
    if (proposal) proposals.push(proposal);
  }
  const sum = (f: (l: PayrollLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    commune: input.commune,
    month,
    lines,
    totals: {
      lines: lines.length,
      people: new Set(lines.map((l) => l.beneficiaryId)).size,
      thisMonth: sum((l) => l.thisMonth),
      arrears: sum((l) => l.arrears.amount),
      carried: sum((l) => l.carried.amount),
      oneOffs: sum((l) => l.oneOffs.reduce((s, o) => s + o.amount, 0)),
      amount: sum((l) => l.total),
    },
    changes,
    proposals,
    provisional: lines.some((l) => l.provisional),
  };
}

function personLine(
  b: PayrollBeneficiary,
  months: readonly TimelineMonth[],
  ledger: Ledger,
  month: IsoMonth,
  since: IsoMonth,
  oneOffs: ReturnType<typeof benefitTimeline>['oneOffs'],
  lastListed: number | undefined,
): { line: PayrollLine | undefined; changes: PayrollChange[] } {
  const now = months.find((m) => m.month === month);
  const before = months.find((m) => m.month === addMonths(month, -1));
  if (!now) return { line: undefined, changes: [] };
  const arrears: { month: IsoMonth; amount: number }[] = [];
  const carried: { month: IsoMonth; amount: number }[] = [];
  for (const m of months) {
    if (m.month >= month || m.month < since) continue;
    const k = coverKey(m.month);
    const owed = m.amount - (ledger.paid.get(k) ?? 0) - (ledger.pending.get(k) ?? 0);
    if (owed <= 0) continue;
    const carry = Math.min(owed, ledger.unpaid.get(k) ?? 0);
    if (carry > 0) carried.push({ month: m.month, amount: carry });
    if (owed - carry > 0) arrears.push({ month: m.month, amount: owed - carry });
  }
  // The burial support goes on the first list after the death that has not paid it (the person's own line).
  const burials =
    now.line === 'allowance'
      ? oneOffs.filter((o) => {
          if (o.month >= month && o.month !== month) return false;
          const k = coverKey(o.month, 'burial');
          return (ledger.paid.get(k) ?? 0) + (ledger.pending.get(k) ?? 0) < o.amount;
        })
      : [];
  const thisMonth = now.amount;
  const owedSum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
  const total = thisMonth + owedSum(arrears) + owedSum(carried) + owedSum(burials);
  const who = {
    beneficiaryId: b.id,
    fullName: b.fullName,
    line: now.line,
    ...(now.careCode !== undefined ? { careCode: now.careCode } : {}),
  };
  const changes = listChanges(who, b, before, now, owedSum(arrears), burials, month, lastListed);
  if (total === 0) return { line: undefined, changes };
  const covers: Covered[] = [
    ...(thisMonth > 0 ? [{ month, amount: thisMonth }] : []),
    ...Array.from(
      [...arrears, ...carried].reduce(
        (acc, x) => acc.set(x.month, (acc.get(x.month) ?? 0) + x.amount),
        new Map<IsoMonth, number>(),
      ),
      ([m, amount]) => ({ month: m, amount }),
    ),
    ...burials.map((o) => ({ month: o.month, amount: o.amount, kind: 'burial' as const })),
  ].sort((a, c) => a.month.localeCompare(c.month));
  const basis: Bilingual[] = [now.basis];
  if (arrears.length > 0)
    basis.push({
      vi: `truy lĩnh ${arrears.map((a) => mm(a.month)).join(', ')} (tháng đủ điều kiện chưa có trong danh sách nào)`,
      en: `arrears for ${arrears.map((a) => mm(a.month)).join(', ')} (due, on no earlier list)`,
    });
  if (carried.length > 0)
    basis.push({
      vi: `chưa trả tháng trước: ${carried.map((a) => mm(a.month)).join(', ')} (khoản 4 Điều 34 NĐ 20/2021)`,
      en: `unpaid from earlier lists: ${carried.map((a) => mm(a.month)).join(', ')} (Art. 34(4) Decree 20/2021)`,
    });
  for (const o of burials) basis.push(o.basis);
  return {
    line: {
      ...who,
      ...(b.birthYear !== undefined ? { birthYear: b.birthYear } : {}),
      ...(b.village !== undefined ? { village: b.village } : {}),
      ...(b.citizenId !== undefined ? { citizenId: b.citizenId } : {}),
      ...(now.categoryCode !== undefined ? { categoryCode: now.categoryCode } : {}),
      ...(now.coefficient !== undefined ? { coefficient: now.coefficient } : {}),
      decisionNumbers: now.decisionIds,
      thisMonth,
      arrears: { months: arrears.map((a) => a.month), amount: owedSum(arrears) },
      carried: { months: carried.map((a) => a.month), amount: owedSum(carried) },
      oneOffs: burials.map((o) => ({ kind: 'burial' as const, month: o.month, amount: o.amount })),
      total,
      covers,
      ...(b.payee !== undefined ? { payee: b.payee as Payee } : {}),
      basis: { vi: basis.map((x) => x.vi).join('; '), en: basis.map((x) => x.en).join('; ') },
      provisional: now.provisional || months.some((m) => m.month < month && m.provisional && m.amount > 0),
    },
    changes,
  };
}

/** The increase/decrease list's lines for one payment: last month's amount against this month's. */
function listChanges(
  who: Pick<PayrollChange, 'beneficiaryId' | 'fullName' | 'line' | 'careCode'>,
  b: PayrollBeneficiary,
  before: TimelineMonth | undefined,
  now: TimelineMonth,
  arrears: number,
  burials: readonly { amount: number }[],
  month: IsoMonth,
  lastListed: number | undefined,
): PayrollChange[] {
  // A decision signed after last month's list was made is new on this one, whatever last month was due.
  const old = lastListed ?? (before?.status === 'due' ? before.amount : 0);
  const fresh = now.status === 'due' ? now.amount : 0;
  // The decision that made the change this month (a stop on death leaves the month's line without one).
  const decisionNumber =
    (b.decisions as BenefitDecision[]).filter((d) => d.effectiveMonth === month).at(-1)?.id ?? now.decisionIds.at(-1);
  const base = { ...who, oldAmount: old, newAmount: fresh, ...(decisionNumber ? { decisionNumber } : {}) };
  const out: PayrollChange[] = [];
  const decided = (kind: BenefitDecision['kind']) =>
    (b.decisions as BenefitDecision[]).some((d) => d.kind === kind && d.effectiveMonth === month);
  if (old === 0 && fresh > 0) {
    const reason: ChangeReason = before?.status === 'suspended' ? 'resumed' : decided('move-in') ? 'moved-in' : 'new';
    out.push({ ...base, group: 'A', reason });
  } else if (old > 0 && fresh === 0) {
    const died = (b.events ?? []).some((e) => e.kind === 'death' && monthOf(e.on) < month);
    const reason: ChangeReason =
      now.status === 'suspended' ? 'suspended' : died ? 'died' : decided('move-out') ? 'moved-out' : 'stopped';
    out.push({ ...base, group: 'B', reason });
  } else if (old > 0 && fresh > 0 && old !== fresh) {
    out.push({ ...base, group: 'C', reason: 'level' });
  }
  for (const o of burials) out.push({ ...base, group: 'D', reason: 'burial', oldAmount: 0, newAmount: o.amount });
  if (arrears > 0) out.push({ ...base, group: 'D', reason: 'arrears', oldAmount: 0, newAmount: arrears });
  return out;
}

/** TT 02/2021 Art. 2(3): the person's own line returned unpaid on the last three lists in a row. */
function threeUnpaid(
  b: PayrollBeneficiary,
  lists: readonly EarlierList[],
  month: IsoMonth,
): PayrollProposal | undefined {
  const returned = lists
    .filter((l) => l.month < month)
    .sort((a, c) => c.month.localeCompare(a.month))
    .map((l) => ({ month: l.month, line: l.lines.find((x) => x.beneficiaryId === b.id && x.line === 'allowance') }))
    .filter((x) => x.line?.returned !== undefined);
  const last3 = returned.slice(0, 3);
  if (last3.length < 3 || !last3.every((x) => x.line?.returned === 'unpaid')) return undefined;
  const consecutive = last3.every((x, i) => i === 0 || addMonths(x.month, 1) === last3[i - 1]?.month);
  if (!consecutive) return undefined;
  const months = last3.map((x) => mm(x.month)).reverse();
  return {
    beneficiaryId: b.id,
    kind: 'suspend',
    effectiveMonth: month,
    basis: {
      vi: `không nhận trợ cấp 3 tháng liên tục (${months.join(', ')}): đề nghị tạm dừng từ tháng ${mm(month)} (khoản 3 Điều 2 TT 02/2021)`,
      en: `not collected for 3 months in a row (${months.join(', ')}): propose a suspension from ${mm(month)} (Circular 02/2021 Art. 2(3))`,
    },
  };
}
