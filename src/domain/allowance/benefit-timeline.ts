// A person's benefit timeline: from their dated decisions and events, the amount due in each month of a range, the
// arrears (due and not paid before the payroll month) and the one-off payments, each line with the rule behind it.
// Pure: the decisions say what was decided; the packs say how much M (and the social pension) was in each month.
//
// Readings (docs/rules.md, "Benefit timeline"):
// - a decision changes what is paid from its `effectiveMonth` (a grant signed on the 31st pays that whole month:
//   Art. 8(1)(đ) NĐ 20/2021, NĐ 147/2025 "from the month the commune chairman signs");
// - the amount of a month is M in force on its first day × the coefficient, unless the decision fixed an amount;
// - death stops every line from the month after it (Art. 8(2), TT 02/2021 Art. 2(1)) and gives the burial support of
//   Art. 11 (20 × M on the day of death) when the person was a beneficiary that month;
// - a suspension pays nothing; a resume with `withArrears` pays the suspended months (TT 02/2021 Art. 6(1)(b));
// - a move-out stops the old commune's payment from its effective month; the new commune's move-in pays from the month
//   after the old one's last paid month — the same month — as under Art. 8(4) before 1/7/2025 [U];
// - one monthly payment: the highest category (Art. 6(2), with the poor single parent's exception) and the higher of
//   the allowance and the social pension (NĐ 176/2025); care support of Art. 20 is a separate line.
import { NoRuleInForceError } from '../common/answer';
import { addMonths, firstDayOf, monthOf, type IsoDate, type IsoMonth } from '../common/dates';
import { formatVnd, formatVndEn } from '../common/explanation';
import type { Bilingual, RuleBase } from '../common/rule';
import { resolveRules, type PackRegistry, type RuleSnapshot } from '../packs/resolve';
import type { AllowanceCategoryCode, AllowanceCategoryRule, CareAllowanceCode } from '../packs/types';
import { specialDifficultyArea } from './area';
import type { BenefitCode, BenefitDecision, BenefitTimelineInput, PaidMonth } from './benefit-timeline-schema';
import { ALLOWANCE_CATEGORY_CODES } from '../packs/types';
import { evaluateMonth, selectPaid } from './evaluate-month';
import type { AllowancePerson } from './schema';
import { nextChange } from './timeline';

export type MonthStatus = 'due' | 'suspended' | 'stopped' | 'none';

export interface TimelineMonth {
  readonly month: IsoMonth;
  /** 'allowance': the person's own monthly payment (one line a month); 'care': one line per care support. */
  readonly line: 'allowance' | 'care';
  /**
   * 'suspended' months carry an amount only when a later resume paid them as arrears; 'stopped' after a stop,
   * a death or a move-out; 'none' before any grant.
   */
  readonly status: MonthStatus;
  readonly amount: number;
  readonly categoryCode?: BenefitCode;
  /** Categories paid in the month (two for the poor single parent's exception). */
  readonly categoryCodes?: readonly BenefitCode[];
  readonly careCode?: CareAllowanceCode;
  readonly coefficient?: number;
  /** The decision(s) the line's amount comes from. */
  readonly decisionIds: readonly string[];
  readonly commune?: string;
  /** Categories the person also holds a decision for, not paid because of the highest-only rule. */
  readonly setAside?: readonly {
    readonly categoryCode: BenefitCode;
    readonly decisionId: string;
    readonly amount: number;
  }[];
  readonly basis: Bilingual;
  readonly ruleIds: readonly string[];
  /** A rule or reading behind the line is not confirmed ([U], or a provisional rule such as M = 540.000). */
  readonly provisional: boolean;
}

export interface ArrearsLine {
  readonly month: IsoMonth;
  readonly line: 'allowance' | 'care';
  readonly careCode?: CareAllowanceCode;
  readonly due: number;
  readonly paid: number;
  /** due − paid. */
  readonly amount: number;
  readonly basis: Bilingual;
}

export interface OneOff {
  readonly kind: 'burial';
  readonly month: IsoMonth;
  readonly amount: number;
  readonly ruleId: string;
  readonly basis: Bilingual;
}

export interface ProposedChange {
  readonly kind: 'grant' | 'adjust' | 'stop' | 'suspend';
  readonly effectiveMonth: IsoMonth;
  readonly categoryCode?: AllowanceCategoryCode;
  readonly categoryCodes?: readonly AllowanceCategoryCode[];
  readonly coefficient?: number;
  readonly basis: Bilingual;
  readonly ruleIds: readonly string[];
}

export interface BenefitTimeline {
  readonly from: IsoMonth;
  readonly to: IsoMonth;
  readonly asOfMonth: IsoMonth;
  readonly months: readonly TimelineMonth[];
  readonly arrears: readonly ArrearsLine[];
  readonly oneOffs: readonly OneOff[];
  /** Changes the events call for (three months not collected → suspend), for the officer to decide. */
  readonly proposals: readonly ProposedChange[];
  readonly totals: {
    readonly allowance: number;
    readonly care: number;
    /** allowance + care over the range. */
    readonly monthly: number;
    readonly arrears: number;
    readonly oneOffs: number;
  };
  /** Inconsistencies between the decisions and the rules, for the officer to look at. */
  readonly notes: readonly Bilingual[];
  readonly provisional: boolean;
}

interface Stream {
  readonly grantId: string;
  readonly line: 'allowance' | 'care';
  code?: BenefitCode;
  careCode?: CareAllowanceCode;
  coefficient?: number;
  amount?: number;
  commune?: string;
  state: 'active' | 'suspended' | 'stopped' | 'moved-out';
  /** Decision of the last change, and what it said. */
  decisionId: string;
  decisionText: Bilingual;
  provisional: boolean;
  suspendedFrom?: IsoMonth;
}

const mm = (m: IsoMonth) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const dmy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const join = (parts: readonly Bilingual[]): Bilingual => ({
  vi: parts.map((p) => p.vi).join('; '),
  en: parts.map((p) => p.en).join('; '),
});
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const coef = (c: number) => String(c).replace('.', ',');

const KIND_TEXT: Record<BenefitDecision['kind'], Bilingual> = {
  grant: { vi: 'hưởng trợ cấp', en: 'grant' },
  adjust: { vi: 'điều chỉnh', en: 'adjustment' },
  stop: { vi: 'thôi hưởng', en: 'stop' },
  suspend: { vi: 'tạm dừng', en: 'suspension' },
  resume: { vi: 'hưởng lại', en: 'resumption' },
  'move-out': { vi: 'thôi hưởng do chuyển đi', en: 'stop on moving out' },
  'move-in': { vi: 'hưởng tại nơi chuyển đến', en: 'grant on moving in' },
};

const decisionText = (d: BenefitDecision): Bilingual => ({
  vi: `Quyết định ${KIND_TEXT[d.kind].vi} ${d.id} ký ngày ${dmy(d.signedOn)}, từ tháng ${mm(d.effectiveMonth)}${d.clause ? ` (${d.clause})` : ''}`,
  en: `${capital(KIND_TEXT[d.kind].en)} decision ${d.id} signed ${dmy(d.signedOn)}, from ${mm(d.effectiveMonth)}${d.clause ? ` (${d.clause})` : ''}`,
});

/** Order of decisions: by effective month, then date signed, then as given. */
function ordered(decisions: readonly BenefitDecision[]): BenefitDecision[] {
  return decisions
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        a.d.effectiveMonth.localeCompare(b.d.effectiveMonth) || a.d.signedOn.localeCompare(b.d.signedOn) || a.i - b.i,
    )
    .map((x) => x.d);
}

const isAllowanceCode = (c: BenefitCode | undefined): c is AllowanceCategoryCode =>
  c !== undefined && c !== 'social-pension';

interface Priced {
  readonly stream: Stream;
  readonly amount: number;
  readonly coefficient?: number;
  readonly text: Bilingual;
  readonly rules: readonly RuleBase[];
  readonly rule?: AllowanceCategoryRule;
  readonly provisional: boolean;
}

/** The amount one stream would pay in a month, and why. */
function price(s: Stream, snap: RuleSnapshot, notes: Note): Priced {
  const M = snap.standardLevel;
  if (!M) throw new NoRuleInForceError('standard level', snap.asOf);
  if (s.code === 'social-pension') {
    const sp = snap.socialPension;
    if (!sp) {
      notes(`SP-${s.grantId}`, {
        vi: `Quyết định ${s.grantId}: chưa có trợ cấp hưu trí xã hội trong tháng (từ 1/7/2025, NĐ 176/2025).`,
        en: `Decision ${s.grantId}: no social pension in force that month (from 1/7/2025, Decree 176/2025).`,
      });
      return {
        stream: s,
        amount: 0,
        text: { vi: 'chưa có trợ cấp hưu trí xã hội', en: 'no social pension yet' },
        rules: [],
        provisional: false,
      };
    }
    const amount = s.amount ?? sp.amount;
    return {
      stream: s,
      amount,
      text:
        s.amount !== undefined
          ? {
              vi: `mức ${formatVnd(amount)} do quyết định ${s.decisionId} ấn định`,
              en: `amount fixed by decision ${s.decisionId}: ${formatVndEn(amount)}`,
            }
          : {
              vi: `trợ cấp hưu trí xã hội ${formatVnd(amount)} (NĐ 176/2025)`,
              en: `social pension ${formatVndEn(amount)} (Decree 176/2025)`,
            },
      rules: [sp],
      provisional: sp.status === 'provisional',
    };
  }
  const rule = s.line === 'care' ? undefined : isAllowanceCode(s.code) ? snap.allowanceCategory(s.code) : undefined;
  const careRule = s.line === 'care' && s.careCode ? snap.careAllowance(s.careCode) : undefined;
  const ruleCoef = rule?.coefficient ?? careRule?.coefficient;
  const coefficient = s.coefficient ?? ruleCoef;
  const cited: RuleBase[] = [M, ...(rule ? [rule] : []), ...(careRule ? [careRule] : [])];
  const provisional = cited.some((r) => r.status === 'provisional');
  if (s.amount !== undefined) {
    return {
      stream: s,
      amount: s.amount,
      ...(coefficient !== undefined ? { coefficient } : {}),
      text: {
        vi: `mức ${formatVnd(s.amount)} do quyết định ${s.decisionId} ấn định`,
        en: `amount fixed by decision ${s.decisionId}: ${formatVndEn(s.amount)}`,
      },
      rules: rule || careRule ? cited.slice(1) : [],
      ...(rule ? { rule } : {}),
      provisional: cited.slice(1).some((r) => r.status === 'provisional'),
    };
  }
  if (coefficient === undefined) {
    notes(`COEF-${s.decisionId}`, {
      vi: `Quyết định ${s.decisionId} không ghi hệ số hay mức trợ cấp.`,
      en: `Decision ${s.decisionId} gives neither a coefficient nor an amount.`,
    });
    return { stream: s, amount: 0, text: { vi: 'không có hệ số', en: 'no coefficient' }, rules: [M], provisional };
  }
  const amount = Math.round(M.amount * coefficient);
  return {
    stream: s,
    amount,
    coefficient,
    text: {
      vi: `hệ số ${coef(coefficient)} × mức chuẩn ${formatVnd(M.amount)} = ${formatVnd(amount)}${rule ? ` (${rule.clause})` : careRule ? ' (Điều 20)' : ''}`,
      en: `coefficient ${coefficient} × standard level ${formatVndEn(M.amount)} = ${formatVndEn(amount)}${rule ? ` (Art. ${rule.clause})` : careRule ? ' (Art. 20)' : ''}`,
    },
    rules: cited,
    ...(rule ? { rule } : {}),
    provisional,
  };
}

/** Art. 6(2) and NĐ 176/2025: the single highest, or the poor single parent's amount plus their own. */
function selectOne(priced: readonly Priced[]): { paid: Priced[]; basis: Bilingual | null } {
  if (priced.length <= 1) return { paid: [...priced], basis: null };
  const options: Priced[][] = priced.map((p) => [p]);
  for (const parent of priced.filter((p) => p.rule?.stacksWithFamilies !== undefined)) {
    const stack = priced
      .filter((p) => p !== parent && p.rule !== undefined && parent.rule?.stacksWithFamilies?.includes(p.rule.family))
      .sort((a, b) => b.amount - a.amount)[0];
    if (stack) options.push([parent, stack]);
  }
  const total = (o: readonly Priced[]) => o.reduce((s, p) => s + p.amount, 0);
  const best = options.reduce((a, b) => (total(b) > total(a) ? b : a));
  if (best.length === 2)
    return {
      paid: best,
      basis: {
        vi: 'người đơn thân nghèo nuôi con đồng thời là đối tượng khác: hưởng cả hai (khoản 2 Điều 6 NĐ 20/2021)',
        en: 'poor single parent who is also in another category: both are paid (Art. 6(2) Decree 20/2021)',
      },
    };
  const sp = priced.some((p) => p.stream.code === 'social-pension');
  return {
    paid: best,
    basis: sp
      ? {
          vi: 'trợ cấp xã hội hằng tháng và trợ cấp hưu trí xã hội: chỉ hưởng một mức cao hơn (NĐ 176/2025)',
          en: 'monthly allowance and social pension: one payment, the higher (Decree 176/2025)',
        }
      : {
          vi: 'thuộc nhiều diện, chỉ hưởng một mức cao nhất (khoản 2 Điều 6 NĐ 20/2021)',
          en: 'several categories: only the highest is paid (Art. 6(2) Decree 20/2021)',
        },
  };
}

type Note = (key: string, note: Bilingual) => void;

interface Emitted {
  line: TimelineMonth;
  /** What a suspended month would pay, for arrears on resumption. */
  wouldBe: number;
  streams: readonly Stream[];
  arrearsBy?: string;
}

const DEATH_STOP: Bilingual = {
  vi: 'thôi hưởng từ tháng sau tháng chết (khoản 2 Điều 8 NĐ 20/2021; khoản 1 Điều 2 TT 02/2021)',
  en: 'stopped from the month after death (Art. 8(2) Decree 20/2021; Circular 02/2021 Art. 2(1))',
};

/**
 * The person's timeline from `from` to `to`. Pass an input validated with `BenefitTimelineInputSchema`. Throws
 * `UnknownProvinceError` for an unknown province and `NoRuleInForceError` for a month before any standard level.
 */
export function benefitTimeline(input: BenefitTimelineInput, registry: PackRegistry = {}): BenefitTimeline {
  const events = input.events ?? [];
  const asOfMonth = input.asOfMonth ?? addMonths(input.to, 1);
  const noteMap = new Map<string, Bilingual>();
  const note: Note = (key, n) => {
    if (!noteMap.has(key)) noteMap.set(key, n);
  };
  const deathOn = events
    .filter((e) => e.kind === 'death')
    .map((e) => e.on)
    .sort()[0];
  const deathMonth = deathOn !== undefined ? monthOf(deathOn) : undefined;

  const decisions = ordered(input.decisions);
  checkDecisions(decisions, note);
  const streams: Stream[] = [];
  const emitted: Emitted[] = [];
  const snaps = new Map<IsoMonth, RuleSnapshot>();
  const snapOf = (m: IsoMonth) => {
    let s = snaps.get(m);
    if (!s) {
      s = resolveRules(firstDayOf(m), input.province, registry);
      snaps.set(m, s);
    }
    return s;
  };
  let lastMoveOut: BenefitDecision | undefined;

  const apply = (d: BenefitDecision) => {
    const targets = (): Stream[] => {
      if (d.of !== undefined) return streams.filter((s) => s.grantId === d.of);
      if (d.careCode !== undefined) return streams.filter((s) => s.careCode === d.careCode);
      return streams;
    };
    const text = decisionText(d);
    const set = (s: Stream, state: Stream['state']) => {
      s.state = state;
      s.decisionId = d.id;
      s.decisionText = text;
    };
    switch (d.kind) {
      case 'grant': {
        const line = d.careCode !== undefined && d.categoryCode === undefined ? 'care' : 'allowance';
        // A new grant of the same category replaces the earlier one.
        for (const s of streams)
          if (
            s.state !== 'stopped' &&
            s.line === line &&
            (line === 'care' ? s.careCode === d.careCode : s.code === d.categoryCode)
          )
            s.state = 'stopped';
        streams.push({
          grantId: d.id,
          line,
          ...(d.categoryCode !== undefined ? { code: d.categoryCode } : {}),
          ...(d.careCode !== undefined ? { careCode: d.careCode } : {}),
          ...(d.coefficient !== undefined ? { coefficient: d.coefficient } : {}),
          ...(d.amount !== undefined ? { amount: d.amount } : {}),
          ...(d.commune !== undefined ? { commune: d.commune } : {}),
          state: 'active',
          decisionId: d.id,
          decisionText: text,
          provisional: false,
        });
        return;
      }
      case 'adjust': {
        let t = targets().filter((s) => s.state !== 'stopped');
        if (d.of === undefined && d.careCode === undefined) t = t.filter((s) => s.line === 'allowance');
        if (t.length !== 1) {
          note(`ADJ-${d.id}`, {
            vi: `Quyết định điều chỉnh ${d.id}: không xác định được quyết định được điều chỉnh (ghi "of").`,
            en: `Adjustment ${d.id}: cannot tell which grant it adjusts (give "of").`,
          });
          return;
        }
        const s = t[0] as Stream;
        if (d.categoryCode !== undefined) s.code = d.categoryCode;
        if (d.coefficient !== undefined || d.categoryCode !== undefined) {
          if (d.coefficient !== undefined) s.coefficient = d.coefficient;
          else delete s.coefficient;
          if (d.amount === undefined) delete s.amount;
        }
        if (d.amount !== undefined) s.amount = d.amount;
        s.decisionId = d.id;
        s.decisionText = text;
        return;
      }
      case 'stop':
        for (const s of targets()) set(s, 'stopped');
        return;
      case 'suspend':
        for (const s of targets().filter((x) => x.state === 'active')) {
          set(s, 'suspended');
          s.suspendedFrom = d.effectiveMonth;
        }
        return;
      case 'resume':
        for (const s of targets().filter((x) => x.state === 'suspended')) {
          if (d.withArrears === true && s.suspendedFrom !== undefined) {
            for (const e of emitted)
              if (e.streams.includes(s) && e.line.status === 'suspended' && e.line.month >= s.suspendedFrom)
                e.arrearsBy = d.id;
          }
          set(s, 'active');
          delete s.suspendedFrom;
        }
        return;
      case 'move-out':
        lastMoveOut = d;
        for (const s of targets().filter((x) => x.state !== 'stopped')) set(s, 'moved-out');
        return;
      case 'move-in': {
        const moved = streams.filter((s) => s.state === 'moved-out');
        if (lastMoveOut && lastMoveOut.effectiveMonth !== d.effectiveMonth)
          note(`MOVE-${d.id}`, {
            vi: `Quyết định ${d.id} (nơi chuyển đến) hưởng từ tháng ${mm(d.effectiveMonth)}, không phải tháng ngay sau tháng thôi hưởng ở nơi cũ (${mm(addMonths(lastMoveOut.effectiveMonth, -1))}) theo khoản 4 Điều 8.`,
            en: `Decision ${d.id} (new commune) pays from ${mm(d.effectiveMonth)}, not the month right after the old commune's last month (${mm(addMonths(lastMoveOut.effectiveMonth, -1))}) as Art. 8(4) says.`,
          });
        if (moved.length === 0 && d.categoryCode === undefined && d.careCode === undefined) {
          note(`MOVEIN-${d.id}`, {
            vi: `Quyết định ${d.id}: không có trợ cấp nào đang chờ chuyển đến.`,
            en: `Decision ${d.id}: no moved-out allowance to take over.`,
          });
          return;
        }
        for (const s of moved) {
          if (d.categoryCode !== undefined && s.line === 'allowance') {
            s.state = 'stopped';
            continue;
          }
          set(s, 'active');
          if (d.commune !== undefined) s.commune = d.commune;
          s.provisional = true;
        }
        if (d.categoryCode !== undefined) {
          apply({ ...d, kind: 'grant' });
          const s = streams[streams.length - 1] as Stream;
          s.provisional = true;
          s.decisionText = text;
        }
        return;
      }
    }
  };

  let next = 0;
  for (let m = input.from; m <= input.to; m = addMonths(m, 1)) {
    while (next < decisions.length && (decisions[next] as BenefitDecision).effectiveMonth <= m) {
      apply(decisions[next] as BenefitDecision);
      next++;
    }
    const snap = snapOf(m);
    const dead = deathMonth !== undefined && m > deathMonth;
    const moveText = (s: Stream): Bilingual[] =>
      s.provisional
        ? [
            {
              vi: 'chuyển nơi cư trú: nơi mới chi trả từ tháng ngay sau tháng thôi hưởng ở nơi cũ (khoản 4 Điều 8 NĐ 20/2021; áp dụng sau 1/7/2025 chưa xác nhận)',
              en: 'moved: the new commune pays from the month after the old one stopped (Art. 8(4) Decree 20/2021; unconfirmed after 1/7/2025)',
            },
          ]
        : [];

    // The person's own payment.
    const ownStreams = streams.filter((s) => s.line === 'allowance');
    emitted.push(ownLine(m, ownStreams, snap, dead, note, moveText));
    for (const s of streams.filter((x) => x.line === 'care')) {
      emitted.push(careLine(m, s, snap, dead, note, moveText));
    }
  }

  // Arrears on resumption: a suspended month then carries its amount.
  const months = emitted.map((e) => {
    if (e.arrearsBy === undefined || e.wouldBe === 0) return e.line;
    return {
      ...e.line,
      amount: e.wouldBe,
      basis: join([
        e.line.basis,
        {
          vi: `được truy lĩnh theo quyết định hưởng lại ${e.arrearsBy} (điểm b khoản 1 Điều 6 TT 02/2021)`,
          en: `paid as arrears under resumption decision ${e.arrearsBy} (Circular 02/2021 Art. 6(1)(b))`,
        },
      ]),
    };
  });

  const paid = paidByMonth(input.paidMonths ?? []);
  const arrears: ArrearsLine[] = [];
  // A month given without an amount was paid in full (the allowance line and its care lines); an amount paid covers
  // the allowance line first, then the care lines in order (months lists the allowance line first).
  const left = new Map(paid);
  for (const line of months) {
    if (line.month >= asOfMonth || line.amount === 0) continue;
    const p = left.get(line.month);
    const paidAmount = p === undefined ? 0 : p === 'full' ? line.amount : Math.min(p, line.amount);
    if (typeof p === 'number') left.set(line.month, p - paidAmount);
    const owed = line.amount - paidAmount;
    if (owed <= 0) continue;
    arrears.push({
      month: line.month,
      line: line.line,
      ...(line.careCode !== undefined ? { careCode: line.careCode } : {}),
      due: line.amount,
      paid: paidAmount,
      amount: owed,
      basis: join([
        line.basis,
        paidAmount > 0
          ? {
              vi: `đã chi ${formatVnd(paidAmount)}, còn thiếu ${formatVnd(owed)}`,
              en: `paid ${formatVndEn(paidAmount)}, ${formatVndEn(owed)} still owed`,
            }
          : { vi: `chưa chi trả trước tháng ${mm(asOfMonth)}`, en: `not paid before ${mm(asOfMonth)}` },
      ]),
    });
  }

  const oneOffs: OneOff[] = [];
  if (deathOn !== undefined && deathMonth !== undefined && deathMonth >= input.from && deathMonth <= input.to) {
    const own = months.find((l) => l.month === deathMonth && l.line === 'allowance');
    if (own && (own.status === 'due' || own.status === 'suspended')) {
      const snap = resolveRules(deathOn, input.province, registry);
      const rule = snap.emergency('beneficiary-burial');
      const M = snap.standardLevel;
      if (rule && M && rule.amount.kind === 'times-standard-level') {
        const amount = Math.round(M.amount * rule.amount.multiplier);
        oneOffs.push({
          kind: 'burial',
          month: deathMonth,
          amount,
          ruleId: rule.id,
          basis: {
            vi: `Hỗ trợ chi phí mai táng đối tượng hưởng trợ cấp hằng tháng chết ngày ${dmy(deathOn)}: ${rule.amount.multiplier} × ${formatVnd(M.amount)} = ${formatVnd(amount)} (tối thiểu; Điều 11 NĐ 20/2021)`,
            en: `Burial support for a monthly beneficiary who died on ${dmy(deathOn)}: ${rule.amount.multiplier} × ${formatVndEn(M.amount)} = ${formatVndEn(amount)} (minimum; Art. 11 Decree 20/2021)`,
          },
        });
      } else {
        note('BURIAL', {
          vi: 'Không có quy định hỗ trợ mai táng có hiệu lực vào ngày chết.',
          en: 'No burial-support rule in force on the day of death.',
        });
      }
    }
  }

  const proposals = uncollected(events, months);
  const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
  const allowance = sum(months.filter((l) => l.line === 'allowance'));
  const care = sum(months.filter((l) => l.line === 'care'));
  return {
    from: input.from,
    to: input.to,
    asOfMonth,
    months,
    arrears,
    oneOffs,
    proposals,
    totals: { allowance, care, monthly: allowance + care, arrears: sum(arrears), oneOffs: sum(oneOffs) },
    notes: [...noteMap.values()],
    provisional: months.some((l) => l.provisional),
  };
}

function ownLine(
  m: IsoMonth,
  own: readonly Stream[],
  snap: RuleSnapshot,
  dead: boolean,
  note: Note,
  moveText: (s: Stream) => Bilingual[],
): Emitted {
  const base = { month: m, line: 'allowance' as const };
  if (dead) {
    return {
      line: {
        ...base,
        status: 'stopped',
        amount: 0,
        decisionIds: [],
        basis: DEATH_STOP,
        ruleIds: [],
        provisional: false,
      },
      wouldBe: 0,
      streams: [],
    };
  }
  const active = own.filter((s) => s.state === 'active');
  const suspended = own.filter((s) => s.state === 'suspended');
  const live = active.length > 0 ? active : suspended;
  if (live.length === 0) {
    const ended = own.filter((s) => s.state === 'stopped' || s.state === 'moved-out');
    const last = ended[ended.length - 1];
    return {
      line: {
        ...base,
        status: last ? 'stopped' : 'none',
        amount: 0,
        decisionIds: last ? [last.decisionId] : [],
        ...(last?.commune !== undefined ? { commune: last.commune } : {}),
        basis: last
          ? last.state === 'moved-out'
            ? {
                vi: `${last.decisionText.vi}; chờ quyết định của nơi chuyển đến (khoản 3–4 Điều 8 NĐ 20/2021)`,
                en: `${last.decisionText.en}; awaiting the new commune's decision (Art. 8(3)–(4) Decree 20/2021)`,
              }
            : last.decisionText
          : { vi: 'chưa có quyết định hưởng trợ cấp', en: 'no grant decision yet' },
        ruleIds: [],
        provisional: false,
      },
      wouldBe: 0,
      streams: [],
    };
  }
  const priced = live.map((s) => price(s, snap, note));
  const { paid, basis } = selectOne(priced);
  const amount = paid.reduce((s, p) => s + p.amount, 0);
  const first = paid[0] as Priced;
  const codes = paid.flatMap((p) => (p.stream.code !== undefined ? [p.stream.code] : []));
  const isSuspended = active.length === 0;
  const parts: Bilingual[] = [
    ...paid.map((p) => ({
      vi: `${p.stream.decisionText.vi}: ${p.text.vi}`,
      en: `${p.stream.decisionText.en}: ${p.text.en}`,
    })),
    ...(basis ? [basis] : []),
    ...paid.flatMap((p) => moveText(p.stream)),
    ...(isSuspended
      ? [
          {
            vi: 'đang tạm dừng, không chi trả (khoản 3 Điều 2 TT 02/2021)',
            en: 'suspended, nothing paid (Circular 02/2021 Art. 2(3))',
          },
        ]
      : []),
  ];
  const rules = [...new Set(paid.flatMap((p) => p.rules.map((r) => r.id)))];
  const commune = first.stream.commune;
  return {
    line: {
      ...base,
      status: isSuspended ? 'suspended' : 'due',
      amount: isSuspended ? 0 : amount,
      ...(first.stream.code !== undefined ? { categoryCode: first.stream.code } : {}),
      ...(codes.length > 1 ? { categoryCodes: codes } : {}),
      ...(paid.length === 1 && first.coefficient !== undefined ? { coefficient: first.coefficient } : {}),
      decisionIds: paid.map((p) => p.stream.decisionId),
      ...(commune !== undefined ? { commune } : {}),
      setAside: priced
        .filter((p) => !paid.includes(p) && p.stream.code !== undefined)
        .map((p) => ({ categoryCode: p.stream.code as BenefitCode, decisionId: p.stream.grantId, amount: p.amount })),
      basis: join(parts),
      ruleIds: rules,
      provisional: paid.some((p) => p.provisional || p.stream.provisional),
    },
    wouldBe: amount,
    streams: paid.map((p) => p.stream),
  };
}

function careLine(
  m: IsoMonth,
  s: Stream,
  snap: RuleSnapshot,
  dead: boolean,
  note: Note,
  moveText: (s: Stream) => Bilingual[],
): Emitted {
  const base = {
    month: m,
    line: 'care' as const,
    ...(s.careCode !== undefined ? { careCode: s.careCode } : {}),
    decisionIds: [s.decisionId],
    ...(s.commune !== undefined ? { commune: s.commune } : {}),
  };
  if (dead)
    return {
      line: {
        ...base,
        status: 'stopped',
        amount: 0,
        basis: {
          vi: `thôi hỗ trợ chăm sóc: ${DEATH_STOP.vi} (khoản 2 Điều 2 TT 02/2021)`,
          en: `care support stopped: ${DEATH_STOP.en} (Circular 02/2021 Art. 2(2))`,
        },
        ruleIds: [],
        provisional: false,
      },
      wouldBe: 0,
      streams: [],
    };
  if (s.state === 'stopped' || s.state === 'moved-out')
    return {
      line: { ...base, status: 'stopped', amount: 0, basis: s.decisionText, ruleIds: [], provisional: false },
      wouldBe: 0,
      streams: [],
    };
  const p = price(s, snap, note);
  const suspended = s.state === 'suspended';
  return {
    line: {
      ...base,
      status: suspended ? 'suspended' : 'due',
      amount: suspended ? 0 : p.amount,
      ...(p.coefficient !== undefined ? { coefficient: p.coefficient } : {}),
      basis: join([
        {
          vi: `${s.decisionText.vi}: hỗ trợ chăm sóc, nuôi dưỡng (Điều 20 NĐ 20/2021), ${p.text.vi}`,
          en: `${s.decisionText.en}: care support (Art. 20 Decree 20/2021), ${p.text.en}`,
        },
        ...moveText(s),
        ...(suspended ? [{ vi: 'đang tạm dừng, không chi trả', en: 'suspended, nothing paid' }] : []),
      ]),
      ruleIds: p.rules.map((r) => r.id),
      provisional: p.provisional || s.provisional,
    },
    wouldBe: p.amount,
    streams: [s],
  };
}

function paidByMonth(paid: readonly PaidMonth[]): Map<IsoMonth, number | 'full'> {
  const out = new Map<IsoMonth, number | 'full'>();
  for (const p of paid) {
    if (typeof p === 'string') out.set(p, 'full');
    else {
      const prev = out.get(p.month);
      if (prev !== 'full') out.set(p.month, (prev ?? 0) + p.amount);
    }
  }
  return out;
}

/** Decisions that contradict the rules of the start month (NĐ 147/2025). */
function checkDecisions(decisions: readonly BenefitDecision[], note: Note): void {
  for (const d of decisions) {
    if (d.kind === 'grant' && d.signedOn >= '2025-07-01' && d.effectiveMonth !== monthOf(d.signedOn)) {
      note(`START-${d.id}`, {
        vi: `Quyết định ${d.id} ký ngày ${dmy(d.signedOn)} nhưng hưởng từ tháng ${mm(d.effectiveMonth)}: từ 1/7/2025 trợ cấp hưởng từ tháng Chủ tịch UBND xã ký quyết định (NĐ 147/2025).`,
        en: `Decision ${d.id} was signed on ${dmy(d.signedOn)} but pays from ${mm(d.effectiveMonth)}: from 1/7/2025 the allowance runs from the month the commune chairman signs (Decree 147/2025).`,
      });
    }
    if (
      d.kind !== 'grant' &&
      d.kind !== 'move-in' &&
      d.kind !== 'adjust' &&
      (d.categoryCode !== undefined || d.amount !== undefined)
    ) {
      note(`FIELDS-${d.id}`, {
        vi: `Quyết định ${d.id} (${KIND_TEXT[d.kind].vi}): mã diện và mức trợ cấp bị bỏ qua.`,
        en: `Decision ${d.id} (${KIND_TEXT[d.kind].en}): its category and amount are ignored.`,
      });
    }
  }
}

/** TT 02/2021 Art. 2(3): not collected for 3 or more consecutive months → propose a suspension. */
function uncollected(events: BenefitTimelineInput['events'], months: readonly TimelineMonth[]): ProposedChange[] {
  const not = new Set((events ?? []).filter((e) => e.kind === 'not-collected').map((e) => e.month ?? monthOf(e.on)));
  const collected = new Set((events ?? []).filter((e) => e.kind === 'collected').map((e) => e.month ?? monthOf(e.on)));
  const due = months.filter((l) => l.line === 'allowance' && l.status === 'due').map((l) => l.month);
  let run = 0;
  for (const m of due) {
    run = not.has(m) && !collected.has(m) ? run + 1 : 0;
    if (run === 3) {
      const effectiveMonth = addMonths(m, 1);
      return [
        {
          kind: 'suspend',
          effectiveMonth,
          basis: {
            vi: `không nhận trợ cấp 3 tháng liên tục (${mm(addMonths(m, -2))}–${mm(m)}): đề nghị tạm dừng (khoản 3 Điều 2 TT 02/2021)`,
            en: `not collected for 3 consecutive months (${mm(addMonths(m, -2))}–${mm(m)}): propose a suspension (Circular 02/2021 Art. 2(3))`,
          },
          ruleIds: [],
        },
      ];
    }
  }
  return [];
}

/**
 * Changes the passing of time calls for (turning 80, a course ending, death), found with the engine's `nextChange`
 * month by month over `horizonMonths` from `from`, as decisions for the officer to propose: 'adjust' (a higher or
 * lower level, from the month the person qualifies, Art. 8(1)(đ)), 'stop' (from the month after eligibility ends,
 * Art. 8(2)) or 'grant'. Facts other than dates are assumed unchanged.
 */
export function proposedChanges(
  person: AllowancePerson,
  from: IsoMonth,
  horizonMonths: number,
  options: { readonly province?: string; readonly registry?: PackRegistry } = {},
): ProposedChange[] {
  const snap = resolveRules(firstDayOf(from), options.province, options.registry ?? {});
  const ages = snap.ageDefinitions;
  if (!ages) throw new NoRuleInForceError('age definitions', snap.asOf);
  const rules = ALLOWANCE_CATEGORY_CODES.map((c) => snap.allowanceCategory(c)).filter(
    (r): r is AllowanceCategoryRule => r !== undefined,
  );
  const area = specialDifficultyArea(person, snap);
  const out: ProposedChange[] = [];
  let month = from;
  let current = selectPaid(evaluateMonth(rules, person, month, area, ages));
  let left = horizonMonths;
  while (left > 0) {
    const change = nextChange(rules, person, month, current, area, ages, left);
    if (!change) break;
    left -= monthsBetween(month, change.month);
    month = change.month;
    current = selectPaid(evaluateMonth(rules, person, month, area, ages));
    const ruleIds = current.paid.map((p) => p.rule.id);
    const kind = change.kind === 'start' ? 'grant' : change.kind === 'stop' ? 'stop' : 'adjust';
    const code = change.paidCodes[0];
    const titles = current.paid.map((p) => p.rule.title);
    out.push({
      kind,
      effectiveMonth: change.month,
      ...(code !== undefined ? { categoryCode: code } : {}),
      ...(change.paidCodes.length > 1 ? { categoryCodes: change.paidCodes } : {}),
      ...(kind !== 'stop' ? { coefficient: change.totalCoefficient } : {}),
      basis:
        kind === 'stop'
          ? {
              vi: `hết điều kiện hưởng: thôi hưởng từ tháng ${mm(change.month)} (khoản 2 Điều 8 NĐ 20/2021)`,
              en: `no longer eligible: stop from ${mm(change.month)} (Art. 8(2) Decree 20/2021)`,
            }
          : {
              vi: `từ tháng ${mm(change.month)} đủ điều kiện ${titles.map((t) => t.vi).join(', ')}, hệ số ${coef(change.totalCoefficient)} (điểm đ khoản 1 Điều 8 NĐ 20/2021)`,
              en: `from ${mm(change.month)} eligible as ${titles.map((t) => t.en).join(', ')}, coefficient ${change.totalCoefficient} (Art. 8(1)(đ) Decree 20/2021)`,
            },
      ruleIds,
    });
    if (kind === 'stop') break;
  }
  return out;
}

function monthsBetween(a: IsoMonth, b: IsoMonth): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}
