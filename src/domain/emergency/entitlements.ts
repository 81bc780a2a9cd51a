// Each support of Chapter III for one household after one event: eligible or not, why, and how much. Amounts come
// from the rule (kg of rice, × M, fixed VND, VND per day); this file holds the conditions stated in words.
import { addMonthsToDate, daysBetween } from '../common/dates';
import type { Bilingual } from '../common/rule';
import type { EmergencyCode, EmergencyRule } from '../packs/emergency-types';
import type { DecisionAction } from '../packs/types';
import type { EmergencyQuestion } from './schema';

export interface Claim {
  readonly rule: EmergencyRule;
  readonly eligible: boolean;
  readonly reason: Bilingual;
  /** How many people or units the amount is for (people fed, injured persons, deaths, children, 1 household). */
  readonly count: number;
  /** Months (rice) or days (temporary care) covered. */
  readonly period?: number;
  /** Overrides the rule's decision action (injury outside the place of residence). */
  readonly decision?: DecisionAction;
}

/** The other emergency rules of the same snapshot, for supports that yield to a higher one (Art. 11 vs Art. 14). */
export type EmergencyLookup = (code: EmergencyCode) => EmergencyRule | undefined;

type Evaluator = (rule: EmergencyRule, q: EmergencyQuestion, others: EmergencyLookup) => Claim[];

const claim = (
  rule: EmergencyRule,
  eligible: boolean,
  vi: string,
  en: string,
  count = eligible ? 1 : 0,
  extra: Partial<Claim> = {},
): Claim => ({ rule, eligible, reason: { vi, en }, count: eligible ? count : 0, ...extra });

const causedBy = (rule: EmergencyRule, q: EmergencyQuestion): boolean =>
  rule.causes.length === 0 || rule.causes.includes(q.event.type);
const EVENT_NAMES: Record<EmergencyQuestion['event']['type'], Bilingual> = {
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  'natural-disaster': { vi: 'thiên tai', en: 'natural disaster' },
  fire: { vi: 'hỏa hoạn', en: 'fire' },
  'crop-failure': { vi: 'mất mùa', en: 'crop failure' },
  'lean-season': { vi: 'giáp hạt', en: 'lean season' },
  epidemic: { vi: 'dịch bệnh', en: 'epidemic' },
  'traffic-accident': { vi: 'tai nạn giao thông', en: 'traffic accident' },
  'serious-work-accident': { vi: 'tai nạn lao động đặc biệt nghiêm trọng', en: 'serious work accident' },
  'force-majeure': { vi: 'lý do bất khả kháng', en: 'force majeure' },
};

const notCaused = (rule: EmergencyRule, q: EmergencyQuestion): Claim =>
  claim(
    rule,
    false,
    `sự kiện "${EVENT_NAMES[q.event.type].vi}" không thuộc trường hợp được hỗ trợ này`,
    `event "${EVENT_NAMES[q.event.type].en}" does not give rise to this support`,
  );

const food: Evaluator = (rule, q) => {
  if (!causedBy(rule, q)) return [notCaused(rule, q)];
  const hungry = q.household.hungryMembers ?? 0;
  if (hungry === 0) return [claim(rule, false, 'không có thành viên thiếu đói', 'no member lacks food')];
  if (rule.amount.kind !== 'rice') return [];
  const months = Math.min(q.household.foodShortageMonths ?? rule.amount.maxMonths, rule.amount.maxMonths);
  return [
    claim(
      rule,
      true,
      `${hungry} người thiếu đói, ${months} tháng (tối đa ${rule.amount.maxMonths})`,
      `${hungry} member(s) lacking food, ${months} month(s) (at most ${rule.amount.maxMonths})`,
      hungry,
      { period: months },
    ),
  ];
};

const EVALUATORS: Record<EmergencyCode, Evaluator> = {
  'food-tet': food,
  'food-hardship': food,
  'essential-necessities': (rule, q) => {
    if (!causedBy(rule, q)) return [notCaused(rule, q)];
    return [
      q.household.lostHomeBasicNeeds === true
        ? claim(
            rule,
            true,
            'mất nhà ở, không tự đáp ứng nhu cầu thiết yếu',
            'lost their home and cannot meet basic needs',
          )
        : claim(
            rule,
            false,
            'không thuộc trường hợp mất nhà ở, thiếu nhu yếu phẩm',
            'did not lose their home / basic needs met',
          ),
    ];
  },
  injury: (rule, q) => {
    const injured = q.household.injured ?? [];
    if (injured.length === 0) return [claim(rule, false, 'không có người bị thương', 'nobody injured')];
    if (!causedBy(rule, q)) return [notCaused(rule, q)];
    const min = rule.minTreatmentDays ?? 0;
    return injured.map((p, i) => {
      const outside = p.atPlaceOfResidence === false;
      return p.treatmentDays >= min
        ? claim(
            rule,
            true,
            `người bị thương thứ ${i + 1}: điều trị ${p.treatmentDays} ngày (từ ${min} ngày là bị thương nặng)${outside ? ', ngoài nơi cư trú' : ''}`,
            `injured person ${i + 1}: ${p.treatmentDays} days of treatment (${min}+ days is severe)${outside ? ', outside the place of residence' : ''}`,
            1,
            outside ? { decision: 'emergency-injury-outside-residence' } : {},
          )
        : claim(
            rule,
            false,
            `người bị thương thứ ${i + 1}: điều trị ${p.treatmentDays} ngày, dưới ${min} ngày nên không phải bị thương nặng`,
            `injured person ${i + 1}: ${p.treatmentDays} days of treatment, under ${min}, so not severely injured`,
          );
    });
  },
  burial: (rule, q) => {
    const deaths = (q.household.deaths ?? []).filter((d) => d.causedByEvent !== false);
    if (deaths.length === 0)
      return [
        claim(
          rule,
          false,
          'không có người chết, mất tích do sự kiện',
          'no one died or went missing because of the event',
        ),
      ];
    if (!causedBy(rule, q)) return [notCaused(rule, q)];
    return [
      claim(
        rule,
        true,
        `${deaths.length} người chết hoặc mất tích do sự kiện`,
        `${deaths.length} person(s) dead or missing because of the event`,
        deaths.length,
      ),
    ];
  },
  // House supports: conditions only here; the answer keeps the highest of the group.
  'house-lost': (rule, q) =>
    house(
      rule,
      q,
      (h) => h.collapsedSweptAwayOrBurnt === true && h.hasOtherHome !== true,
      'nhà bị sập, đổ, trôi, cháy hoàn toàn, không còn nơi ở',
      'house collapsed, swept away or completely burnt, no other home',
    ),
  'house-relocation': (rule, q) =>
    house(
      rule,
      q,
      (h) => h.relocationOrdered === true,
      'phải di dời khẩn cấp theo quyết định của cơ quan có thẩm quyền',
      'emergency relocation ordered by a competent authority',
    ),
  'house-damaged': (rule, q) =>
    house(
      rule,
      q,
      (h) => h.severelyDamagedUninhabitable === true,
      'nhà hư hỏng nặng, không ở được',
      'house severely damaged and uninhabitable',
    ),
  'temporary-care': (rule, q) => {
    const children = q.household.childrenWithoutBothParents ?? [];
    if (children.length === 0)
      return [claim(rule, false, 'không có trẻ em mất cả cha và mẹ', 'no child lost both parents')];
    if (!causedBy(rule, q)) return [notCaused(rule, q)];
    if (rule.amount.kind !== 'per-day') return [];
    const maxMonths = rule.amount.maxMonths;
    const maxDays = daysBetween(q.event.date, addMonthsToDate(q.event.date, maxMonths));
    return children.map((c, i) => {
      if (c.hasRelatives)
        return claim(
          rule,
          false,
          `trẻ thứ ${i + 1} còn người thân nhận chăm sóc`,
          `child ${i + 1} has relatives to care for them`,
        );
      const days = Math.min(c.careDays ?? maxDays, maxDays);
      return claim(
        rule,
        true,
        `trẻ thứ ${i + 1} mất cả cha và mẹ, không có người thân: ${days} ngày (tối đa ${maxDays} ngày = ${maxMonths} tháng)`,
        `child ${i + 1} lost both parents and has no relatives: ${days} days (at most ${maxDays} days = ${maxMonths} months)`,
        1,
        { period: days },
      );
    });
  },
  'beneficiary-burial': (rule, q, others) => {
    // A beneficiary who died because of an event that Art. 14 covers gets its support (50 × M): only the highest is
    // paid. If Art. 14 does not cover the event (Tết, crop failure, lean season), Art. 11 still applies.
    const deaths = (q.household.deaths ?? []).filter((d) => d.wasMonthlyBeneficiary === true && d.missing !== true);
    const art14 = others('burial');
    const art14Applies = art14 !== undefined && causedBy(art14, q);
    const eventCovered = art14Applies ? deaths.filter((d) => d.causedByEvent !== false).length : 0;
    const own = deaths.length - eventCovered;
    if (deaths.length === 0)
      return [claim(rule, false, 'không có đối tượng hưởng trợ cấp hằng tháng chết', 'no monthly beneficiary died')];
    if (own === 0)
      return [
        claim(
          rule,
          false,
          'đã được hỗ trợ mai táng theo Điều 14 (mức cao hơn); chỉ hưởng một mức cao nhất',
          'already covered by the Art. 14 burial support (higher); only the highest is paid',
        ),
      ];
    return [
      claim(
        rule,
        true,
        `${own} đối tượng hưởng trợ cấp xã hội hằng tháng chết`,
        `${own} monthly beneficiary(ies) died`,
        own,
      ),
    ];
  },
  livelihood: (rule, q) => {
    if (!causedBy(rule, q)) return [notCaused(rule, q)];
    return [
      q.household.livelihoodLost === true
        ? claim(
            rule,
            true,
            'mất lao động chính hoặc tư liệu sản xuất chính',
            'lost the main worker or the main means of production',
          )
        : claim(
            rule,
            false,
            'không mất lao động chính, tư liệu sản xuất chính',
            'did not lose the main worker or means of production',
          ),
    ];
  },
};

type House = NonNullable<EmergencyQuestion['household']['house']>;

function house(
  rule: EmergencyRule,
  q: EmergencyQuestion,
  test: (h: House) => boolean,
  vi: string,
  en: string,
): Claim[] {
  const h = q.household.house ?? {};
  if (!test(h)) return [claim(rule, false, `không thuộc trường hợp: ${vi}`, `not the case: ${en}`)];
  if (!causedBy(rule, q)) return [notCaused(rule, q)];
  const statuses = rule.householdStatuses;
  if (statuses && !statuses.includes(q.household.status)) {
    return [
      claim(
        rule,
        false,
        `${vi}, nhưng không phải hộ nghèo, cận nghèo, hộ có hoàn cảnh khó khăn`,
        `${en}, but not a poor, near-poor or difficult-circumstance household`,
      ),
    ];
  }
  return [claim(rule, true, vi, en)];
}

export function evaluate(rule: EmergencyRule, q: EmergencyQuestion, others: EmergencyLookup): Claim[] {
  return EVALUATORS[rule.code](rule, q, others);
}
