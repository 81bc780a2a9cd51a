// The emergency-support answer: every support of Chapter III with eligibility, amount and unit, who decides.
import type { AnswerBase } from '../common/answer';
import { NoRuleInForceError } from '../common/answer';
import { decidedBy, type DecidedBy } from '../common/decided-by';
import { ExplanationBuilder, formatVnd, formatVndEn } from '../common/explanation';
import type { Bilingual } from '../common/rule';
import type { EmergencyCode, EmergencyRule } from '../packs/emergency-types';
import { resolveRules, type PackRegistry } from '../packs/resolve';
import { evaluate, type Claim } from './entitlements';
import type { EmergencyQuestion } from './schema';

export type EntitlementUnit = 'kg-rice' | 'VND' | 'in-kind' | 'per-current-regulations';

export interface Entitlement {
  readonly code: EmergencyCode;
  readonly ruleId: string;
  readonly title: Bilingual;
  readonly eligible: boolean;
  /** Paid as well as listed: false for a house support below another one the household gets. */
  readonly payable: boolean;
  readonly reason: Bilingual;
  readonly unit: EntitlementUnit;
  /** kg of rice, or VND; null for in-kind support and support "per current regulations". */
  readonly quantity: number | null;
  /** How the quantity was computed, in words. */
  readonly computation: Bilingual | null;
  /** Food support (rice): for how many months the quantity is given; null for anything else or not payable. */
  readonly months: number | null;
  /** The law gives a minimum: the province may give more. */
  readonly minimum: boolean;
  readonly provincialTopUp: number;
  readonly decidedBy: DecidedBy | null;
}

export interface EmergencyAnswer extends AnswerBase {
  readonly question: 'emergency';
  readonly event: EmergencyQuestion['event'];
  readonly standardLevel: { readonly ruleId: string; readonly amount: number };
  readonly entitlements: readonly Entitlement[];
  readonly totals: { readonly riceKg: number; readonly vnd: number };
}

const ORDER: readonly EmergencyCode[] = [
  'food-tet',
  'food-hardship',
  'essential-necessities',
  'injury',
  'burial',
  'house-lost',
  'house-relocation',
  'house-damaged',
  'temporary-care',
  'beneficiary-burial',
  'livelihood',
];

export function answerEmergency(q: EmergencyQuestion, registry: PackRegistry = {}): EmergencyAnswer {
  const snap = resolveRules(q.event.date, q.province, registry);
  const M = snap.standardLevel;
  if (!M) throw new NoRuleInForceError('standard level', q.event.date);
  const ex = new ExplanationBuilder();
  ex.input('event', q.event).input('household', q.household);
  const claims = ORDER.map((c) => snap.emergency(c))
    .filter((r): r is EmergencyRule => r !== undefined)
    .flatMap((r) => evaluate(r, q, (code) => snap.emergency(code)));

  // House supports are alternatives (Art. 15 (1)–(3)): the household gets the highest one it qualifies for.
  const houseBest = claims
    .filter((c) => c.eligible && c.rule.exclusiveGroup !== undefined)
    .reduce<Claim | undefined>(
      (best, c) => (best && fixedAmount(best.rule) >= fixedAmount(c.rule) ? best : c),
      undefined,
    );
  const houseCount = claims.filter((c) => c.eligible && c.rule.exclusiveGroup !== undefined).length;
  if (houseCount > 1) {
    ex.flag({
      vi: 'Hộ thuộc nhiều trường hợp hỗ trợ nhà ở; ứng dụng chỉ tính mức cao nhất (cách hiểu chưa xác nhận).',
      en: 'The household meets several house-support cases; only the highest is counted (an unconfirmed reading).',
    });
  }

  let usesM = false;
  const entitlements = claims.map((c): Entitlement => {
    const payable = c.eligible && (c.rule.exclusiveGroup === undefined || c === houseBest);
    const { unit, quantity, computation, usesStandardLevel } = amountOf(c, M.amount);
    usesM ||= payable && usesStandardLevel;
    const topUp = payable
      ? snap.topUps.filter((t) => t.target.kind === 'emergency' && t.target.code === c.rule.code)
      : [];
    for (const t of topUp) ex.use(snap.cite(t));
    if (c.eligible) ex.use(snap.cite(c.rule));
    const reason =
      payable || !c.eligible
        ? c.reason
        : {
            vi: `${c.reason.vi} — không cộng thêm vì đã hưởng mức hỗ trợ nhà ở cao hơn`,
            en: `${c.reason.en} — not added: a higher house support applies`,
          };
    ex.step(
      `${c.rule.title.vi}: ${payable ? 'được hỗ trợ' : 'không được hỗ trợ'} — ${reason.vi}${payable && computation ? ` (${computation.vi})` : ''}.`,
      `${c.rule.title.en}: ${payable ? 'entitled' : 'not entitled'} — ${reason.en}${payable && computation ? ` (${computation.en})` : ''}.`,
    );
    return {
      code: c.rule.code,
      ruleId: c.rule.id,
      title: c.rule.title,
      eligible: c.eligible,
      payable,
      reason,
      unit,
      quantity: payable ? quantity : null,
      computation: payable ? computation : null,
      months: payable && unit === 'kg-rice' ? (c.period ?? 1) : null,
      minimum: c.rule.minimum,
      provincialTopUp: topUp.reduce((s, t) => s + t.amount * c.count, 0),
      decidedBy: payable ? decidedBy(snap, c.decision ?? c.rule.decision, ex) : null,
    };
  });
  if (usesM) ex.use(snap.cite(M));
  if (q.especiallyUrgent) {
    ex.step(
      'Trường hợp đặc biệt cấp bách: Chủ tịch UBND cấp xã quyết định ngay, không qua bình xét (khoản 2 Điều 17 NĐ 20/2021).',
      'Especially urgent case: the commune chairman decides at once, without the review step (Art. 17(2) Decree 20/2021).',
    );
  }
  const payable = entitlements.filter((e) => e.payable);
  const explanation = ex.done();
  return {
    question: 'emergency',
    event: q.event,
    standardLevel: { ruleId: M.id, amount: M.amount },
    entitlements,
    totals: {
      riceKg: payable.filter((e) => e.unit === 'kg-rice').reduce((s, e) => s + (e.quantity ?? 0), 0),
      vnd: payable.filter((e) => e.unit === 'VND').reduce((s, e) => s + (e.quantity ?? 0) + e.provincialTopUp, 0),
    },
    rulePack: { snapshot: snap.id, packs: snap.packIds, asOf: snap.asOf },
    provisional: explanation.provisional,
    explanation,
  };
}

const fixedAmount = (r: EmergencyRule): number => (r.amount.kind === 'fixed' ? r.amount.amount : 0);

function amountOf(
  c: Claim,
  m: number,
): { unit: EntitlementUnit; quantity: number | null; computation: Bilingual | null; usesStandardLevel: boolean } {
  const a = c.rule.amount;
  switch (a.kind) {
    case 'rice': {
      const kg = a.kgPerPersonPerMonth * c.count * (c.period ?? 1);
      return {
        unit: 'kg-rice',
        quantity: kg,
        usesStandardLevel: false,
        computation: {
          vi: `${a.kgPerPersonPerMonth} kg gạo × ${c.count} người × ${c.period ?? 1} tháng = ${kg} kg`,
          en: `${a.kgPerPersonPerMonth} kg rice × ${c.count} people × ${c.period ?? 1} month(s) = ${kg} kg`,
        },
      };
    }
    case 'times-standard-level': {
      const vnd = a.multiplier * m * c.count;
      return {
        unit: 'VND',
        quantity: vnd,
        usesStandardLevel: true,
        computation: {
          vi: `tối thiểu ${a.multiplier} × ${formatVnd(m)} × ${c.count} = ${formatVnd(vnd)}`,
          en: `at least ${a.multiplier} × ${formatVndEn(m)} × ${c.count} = ${formatVndEn(vnd)}`,
        },
      };
    }
    case 'fixed':
      return {
        unit: 'VND',
        quantity: a.amount * c.count,
        usesStandardLevel: false,
        computation: {
          vi: `tối thiểu ${formatVnd(a.amount)}/hộ`,
          en: `at least ${formatVndEn(a.amount)} per household`,
        },
      };
    case 'per-day': {
      const vnd = a.amountPerDay * (c.period ?? 0) * c.count;
      return {
        unit: 'VND',
        quantity: vnd,
        usesStandardLevel: false,
        computation: {
          vi: `${formatVnd(a.amountPerDay)}/ngày × ${c.period ?? 0} ngày = ${formatVnd(vnd)} (tiền ăn; cộng chi phí y tế, đi lại)`,
          en: `${formatVndEn(a.amountPerDay)}/day × ${c.period ?? 0} days = ${formatVndEn(vnd)} (food; plus health care and transport)`,
        },
      };
    }
    case 'in-kind':
      return {
        unit: 'in-kind',
        quantity: null,
        usesStandardLevel: false,
        computation: { vi: 'hỗ trợ bằng hiện vật', en: 'support in kind' },
      };
    case 'per-current-regulations':
      return {
        unit: 'per-current-regulations',
        quantity: null,
        usesStandardLevel: false,
        computation: { vi: 'theo quy định hiện hành', en: 'per current regulations' },
      };
  }
}
