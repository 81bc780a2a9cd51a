// The monthly-allowance answer: qualifying categories, the one(s) paid, amount = M(date, province) × coefficient,
// the social pension taken into account, care support, start and next change, and who decides.
import type { AnswerBase } from '../common/answer';
import { NoRuleInForceError } from '../common/answer';
import { firstDayOf, type IsoMonth } from '../common/dates';
import { ExplanationBuilder, formatVnd, formatVndEn } from '../common/explanation';
import type { Bilingual } from '../common/rule';
import { resolveRules, type PackRegistry } from '../packs/resolve';
import {
  ALLOWANCE_CATEGORY_CODES,
  type AllowanceCategoryCode,
  type AllowanceCategoryRule,
  type CareAllowanceCode,
} from '../packs/types';
import { specialDifficultyArea } from './area';
import { careCases } from './care';
import { evaluateMonth, selectPaid, type Selection } from './evaluate-month';
import type { AllowanceQuestion } from './schema';
import { checkSocialPension } from './social-pension';
import { nextChange, startMonth, type NextChange, type StartMonth } from './timeline';
import { decidedBy, type DecidedBy } from '../common/decided-by';

export interface CategoryLine {
  readonly code: AllowanceCategoryCode;
  readonly ruleId: string;
  readonly clause: string;
  readonly title: Bilingual;
  readonly coefficient: number;
  readonly units: number;
  readonly amount: number;
  readonly reason: Bilingual;
}

export interface AllowanceAnswer extends AnswerBase {
  readonly question: 'allowance';
  readonly benefitMonth: IsoMonth;
  readonly standardLevel: { readonly ruleId: string; readonly amount: number };
  readonly qualifying: readonly CategoryLine[];
  readonly notQualifying: readonly {
    readonly code: AllowanceCategoryCode;
    readonly clause: string;
    readonly reason: Bilingual;
  }[];
  readonly paid: {
    readonly basis: Selection['basis'];
    readonly lines: readonly CategoryLine[];
    readonly coefficients: readonly number[];
    readonly totalCoefficient: number;
    readonly amount: number;
  };
  readonly socialPension: {
    readonly ruleId: string;
    readonly eligible: boolean;
    readonly amount: number;
    readonly reason: Bilingual;
  } | null;
  /** One payment: the monthly allowance, or the social pension when higher (Decree 176/2025). */
  readonly payment: { readonly source: 'monthly-allowance' | 'social-pension' | 'none'; readonly amount: number };
  readonly provincialTopUps: readonly { readonly ruleId: string; readonly amount: number }[];
  readonly totalMonthly: number;
  readonly care: readonly {
    readonly code: CareAllowanceCode;
    readonly ruleId: string;
    readonly recipient: string;
    readonly coefficient: number;
    readonly amount: number;
    readonly reason: Bilingual;
  }[];
  readonly start: readonly StartMonth[];
  readonly nextChange: NextChange | null;
  readonly decidedBy: DecidedBy | null;
}

const DEFAULT_HORIZON = 360;

export function answerAllowance(q: AllowanceQuestion, registry: PackRegistry = {}): AllowanceAnswer {
  const snap = resolveRules(firstDayOf(q.benefitMonth), q.province, registry);
  const M = snap.standardLevel;
  const ages = snap.ageDefinitions;
  if (!M) throw new NoRuleInForceError('standard level', snap.asOf);
  if (!ages) throw new NoRuleInForceError('age definitions', snap.asOf);
  const ex = new ExplanationBuilder();
  const p = q.person;
  ex.use(snap.cite(M)).use(snap.cite(ages)).input('benefitMonth', q.benefitMonth).input('person', p);
  ex.step(
    `Mức chuẩn tháng ${q.benefitMonth}: ${formatVnd(M.amount)}.`,
    `Standard level for ${q.benefitMonth}: ${formatVndEn(M.amount)}.`,
  );

  const area = specialDifficultyArea(p, snap);
  const rules = ALLOWANCE_CATEGORY_CODES.map((c) => snap.allowanceCategory(c)).filter(
    (r): r is AllowanceCategoryRule => r !== undefined,
  );
  const results = evaluateMonth(rules, p, q.benefitMonth, area, ages);
  const selection = selectPaid(results);
  const line = (r: (typeof results)[number]): CategoryLine => ({
    code: r.rule.code,
    ruleId: r.rule.id,
    clause: r.rule.clause,
    title: r.rule.title,
    coefficient: r.rule.coefficient,
    units: r.check.units ?? 1,
    amount: Math.round(M.amount * r.totalCoefficient),
    reason: r.check.reason,
  });
  const qualifying = results.filter((r) => r.check.ok).map(line);
  for (const r of results.filter((x) => x.check.ok)) {
    ex.use(snap.cite(r.rule));
    ex.step(
      `Đủ điều kiện ${r.rule.clause}: ${r.rule.title.vi} — hệ số ${r.rule.coefficient}${r.rule.perChild ? ` × ${r.check.units ?? 1} con` : ''} (${r.check.reason.vi}).`,
      `Qualifies under ${r.rule.clause}: ${r.rule.title.en} — coefficient ${r.rule.coefficient}${r.rule.perChild ? ` × ${r.check.units ?? 1} children` : ''} (${r.check.reason.en}).`,
    );
  }
  const paidLines = selection.paid.map(line);
  const allowanceAmount = paidLines.reduce((s, l) => s + l.amount, 0);
  explainSelection(ex, selection, allowanceAmount);

  // Social pension: one payment, the higher.
  let socialPension: AllowanceAnswer['socialPension'] = null;
  let payment: AllowanceAnswer['payment'] = {
    source: allowanceAmount > 0 ? 'monthly-allowance' : 'none',
    amount: allowanceAmount,
  };
  if (snap.socialPension) {
    const sp = snap.socialPension;
    const check = checkSocialPension(sp, p, q.benefitMonth);
    socialPension = {
      ruleId: sp.id,
      eligible: check.eligible,
      amount: check.eligible ? sp.amount : 0,
      reason: check.reason,
    };
    if (check.eligible) {
      ex.use(snap.cite(sp));
      if (sp.amount > allowanceAmount) payment = { source: 'social-pension', amount: sp.amount };
      ex.step(
        `Đủ điều kiện trợ cấp hưu trí xã hội ${formatVnd(sp.amount)} (${check.reason.vi}); chỉ hưởng một mức cao hơn: ${payment.source === 'social-pension' ? 'trợ cấp hưu trí xã hội' : 'trợ cấp xã hội hằng tháng'} (khi có đề nghị).`,
        `Eligible for the social pension ${formatVndEn(sp.amount)} (${check.reason.en}); one payment, the higher: ${payment.source === 'social-pension' ? 'the social pension' : 'the monthly allowance'} (on written request).`,
      );
      if (allowanceAmount > 0) {
        ex.flag({
          vi: 'Việc chuyển đối tượng điểm b, c khoản 5 Điều 5 sang trợ cấp hưu trí xã hội chưa được xác nhận.',
          en: 'Whether 5(5)(b)/(c) beneficiaries were moved to the social pension is not confirmed.',
        });
      }
    }
  }
  const topUps =
    payment.source === 'monthly-allowance'
      ? snap.topUps
          .filter((t) => t.target.kind === 'monthly-allowance')
          .map((t) => {
            ex.use(snap.cite(t));
            return { ruleId: t.id, amount: t.amount };
          })
      : [];

  const care = careCases(snap, p, q.benefitMonth, results).map((c) => {
    ex.use(snap.cite(c.rule));
    const amount = Math.round(M.amount * c.rule.coefficient);
    ex.step(
      `Hỗ trợ chăm sóc, nuôi dưỡng (Điều 20): ${c.reason.vi} — hệ số ${c.rule.coefficient}, ${formatVnd(amount)}.`,
      `Care support (Art. 20): ${c.reason.en} — coefficient ${c.rule.coefficient}, ${formatVndEn(amount)}.`,
    );
    return {
      code: c.rule.code,
      ruleId: c.rule.id,
      recipient: c.recipient,
      coefficient: c.rule.coefficient,
      amount,
      reason: c.reason,
    };
  });

  const start = selection.paid.map((r) => startMonth(r.rule, p, q.decisionMonth));
  if (
    start.some((s, i) => selection.paid[i]?.rule.start !== 'decision-month' && s.month !== null) &&
    q.benefitMonth >= '2025-07'
  ) {
    ex.flag({
      vi: 'Từ 1/7/2025 chưa rõ quy định riêng về tháng bắt đầu hưởng (75, 80 tuổi, người khuyết tật) còn áp dụng.',
      en: 'Whether the special start months (75, 80, disability) survive the 1/7/2025 procedure is not confirmed.',
    });
  }
  const next = nextChange(rules, p, q.benefitMonth, selection, area, ages, q.horizonMonths ?? DEFAULT_HORIZON);
  if (next) {
    ex.step(
      `Thay đổi tiếp theo từ tháng ${next.month}: ${next.kind === 'stop' ? 'thôi hưởng' : `hệ số ${next.totalCoefficient}`} (giả định các thông tin khác không đổi).`,
      `Next change from ${next.month}: ${next.kind === 'stop' ? 'payment stops' : `coefficient ${next.totalCoefficient}`} (other facts assumed unchanged).`,
    );
  }
  const decided =
    payment.source === 'none' && care.length === 0
      ? null
      : decidedBy(
          snap,
          payment.source === 'social-pension'
            ? 'social-pension'
            : payment.source === 'none'
              ? 'care-allowance'
              : 'monthly-allowance',
          ex,
        );
  // The DTTS & MN ĐBKK list is provisional: flag the answer only when the area decided a category (5(5)(b), 5(7)).
  const areaDecided = results.some((r) => AREA_CODES.includes(r.rule.code) && r.check.reason.vi === area.reason.vi);
  if (areaDecided && area.source !== 'direct') {
    if (area.rule) ex.use(snap.cite(area.rule));
    else
      ex.flag({
        vi: 'Chưa rõ nơi ở có thuộc vùng DTTS & MN ĐBKK.',
        en: 'Unknown whether the place of residence is in the DTTS & MN ĐBKK area.',
      });
  }

  const explanation = ex.done();
  return {
    question: 'allowance',
    benefitMonth: q.benefitMonth,
    standardLevel: { ruleId: M.id, amount: M.amount },
    qualifying,
    notQualifying: results
      .filter((r) => !r.check.ok)
      .map((r) => ({ code: r.rule.code, clause: r.rule.clause, reason: r.check.reason })),
    paid: {
      basis: selection.basis,
      lines: paidLines,
      coefficients: selection.paid.map((r) => r.totalCoefficient),
      totalCoefficient: selection.totalCoefficient,
      amount: allowanceAmount,
    },
    socialPension,
    payment,
    provincialTopUps: topUps,
    totalMonthly: payment.amount + topUps.reduce((s, t) => s + t.amount, 0),
    care,
    start,
    nextChange: next,
    decidedBy: decided,
    rulePack: { snapshot: snap.id, packs: snap.packIds, asOf: snap.asOf },
    provisional: explanation.provisional,
    explanation,
  };
}

function explainSelection(ex: ExplanationBuilder, s: Selection, amount: number): void {
  const text: Record<Selection['basis'], Bilingual> = {
    none: {
      vi: 'Không đủ điều kiện hưởng trợ cấp xã hội hằng tháng.',
      en: 'Not eligible for the monthly social allowance.',
    },
    single: {
      vi: `Hưởng một mức: ${formatVnd(amount)}/tháng.`,
      en: `One category paid: ${formatVndEn(amount)} per month.`,
    },
    'highest-only': {
      vi: `Thuộc nhiều diện, chỉ hưởng một mức cao nhất (khoản 2 Điều 6): ${formatVnd(amount)}/tháng.`,
      en: `Several categories; only the highest is paid (Art. 6(2)): ${formatVndEn(amount)} per month.`,
    },
    'single-parent-exception': {
      vi: `Người đơn thân nghèo nuôi con đồng thời là đối tượng khác: hưởng cả hai (khoản 2 Điều 6): ${formatVnd(amount)}/tháng.`,
      en: `Poor single parent who is also in another category: both are paid (Art. 6(2)): ${formatVndEn(amount)} per month.`,
    },
  };
  ex.step(text[s.basis].vi, text[s.basis].en);
}

const AREA_CODES: readonly AllowanceCategoryCode[] = ['elderly-75-to-80-ethnic-area', 'child-under-3-ethnic-area'];
