// Art. 5 of Decree 20/2021: whether a person meets one category on one day. Ages and coefficients come from the
// rule; this file holds only the conditions the law states in words (poverty, supporter, orphan situation, …).
import { ageOn, type IsoDate, type IsoMonth } from '../common/dates';
import type { Bilingual } from '../common/rule';
import type { AgeDefinitions } from '../packs/pack';
import type { AgeRange, AllowanceCategoryCode, AllowanceCategoryRule } from '../packs/types';
import type { AreaAnswer } from './area';
import { orphanSituation } from './orphan-situations';
import type { AllowancePerson } from './schema';

export interface DayContext {
  readonly person: AllowancePerson;
  readonly date: IsoDate;
  readonly month: IsoMonth;
  readonly area: AreaAnswer;
  readonly ages: AgeDefinitions;
}

export interface Check {
  readonly ok: boolean;
  readonly reason: Bilingual;
  /** Number of children counted, for the per-child category 5(4). */
  readonly units?: number;
}

const yes = (vi: string, en: string, units?: number): Check => ({
  ok: true,
  reason: { vi, en },
  ...(units !== undefined ? { units } : {}),
});
const no = (vi: string, en: string): Check => ({ ok: false, reason: { vi, en } });

export const inAges = (age: number, r: AgeRange | undefined): boolean =>
  r === undefined || ((r.from === undefined || age >= r.from) && (r.below === undefined || age < r.below));

const agesText = (r: AgeRange | undefined): Bilingual => ({
  vi: r?.below === undefined ? `từ đủ ${r?.from ?? 0} tuổi` : `từ ${r.from ?? 0} đến dưới ${r.below} tuổi`,
  en: r?.below === undefined ? `${r?.from ?? 0} or over` : `${r.from ?? 0} to under ${r.below}`,
});

const isPoor = (p: AllowancePerson) => p.householdPoverty === 'poor';
const isPoorOrNear = (p: AllowancePerson) => p.householdPoverty !== 'none';
const noSupporter = (p: AllowancePerson) => p.supporter === 'none' || p.supporter === 'on-monthly-allowance';
const hasPensionLike = (p: AllowancePerson) =>
  p.income?.pension === true ||
  p.income?.socialInsuranceMonthly === true ||
  p.income?.otherMonthlySocialAllowance === true;
const severeDisability = (p: AllowancePerson, date: IsoDate, level?: 'especially-severe' | 'severe'): boolean => {
  const d = p.disability;
  if (!d || (d.level !== 'especially-severe' && d.level !== 'severe')) return false;
  if (level !== undefined && d.level !== level) return false;
  return d.certifiedOn === undefined || d.certifiedOn <= date;
};

type Condition = (ctx: DayContext, age: number, rule: AllowanceCategoryRule, all: RuleLookup) => Check;
export type RuleLookup = (code: AllowanceCategoryCode) => AllowanceCategoryRule | undefined;

/** Conditions besides the age range of the rule (checked first, by `checkCategory`). */
const CONDITIONS: Record<AllowanceCategoryCode, Condition> = {
  'orphan-under-4': (c) => orphan(c),
  'orphan-4-to-16': (c) => orphan(c),
  'orphan-studying-16-to-22': ({ person: p, month }) => {
    if (!p.wasOrphanBeneficiary)
      return no('trước 16 tuổi không hưởng theo khoản 1', 'was not a 5(1) beneficiary before 16');
    const s = p.studying;
    if (!s || s.level === 'university-further-degree')
      return no('không đang học (hoặc học văn bằng thứ hai)', 'not studying (or a second degree)');
    if (s.courseEndMonth !== undefined && month > s.courseEndMonth)
      return no('khóa học đã kết thúc', 'the course has ended');
    return yes('đang học, trước đây hưởng theo khoản 1', 'studying, formerly a 5(1) beneficiary');
  },
  'hiv-child-under-4': (c) => hivPoor(c.person),
  'hiv-child-4-to-16': (c) => hivPoor(c.person),
  'single-parent-per-child': ({ person: p, date }, _age, rule) => {
    if (!isPoorOrNear(p)) return no('không thuộc hộ nghèo, cận nghèo', 'not in a poor or near-poor household');
    if (p.maritalStatus === undefined || p.maritalStatus === 'married')
      return no('không phải người đơn thân', 'not a single parent');
    const ca = rule.childAges ?? { below: 0, studyingBelow: 0 };
    const n = (p.children ?? []).filter((ch) => {
      if (ch.dateOfBirth > date) return false;
      const a = ageOn(ch.dateOfBirth, date);
      return a < ca.below || (ch.studying === true && a < ca.studyingBelow);
    }).length;
    return n > 0
      ? yes(
          `đơn thân thuộc hộ nghèo/cận nghèo, nuôi ${n} con`,
          `single parent in a poor/near-poor household raising ${n} child(ren)`,
          n,
        )
      : no('không nuôi con dưới 16 tuổi hoặc 16–22 tuổi đang học', 'raises no child under 16 or studying 16–22');
  },
  'elderly-poor-no-supporter-60-to-80': ({ person: p }) => elderly5a(p),
  'elderly-poor-no-supporter-80-plus': ({ person: p }) => elderly5a(p),
  'elderly-75-to-80-ethnic-area': ({ person: p, area }) => {
    if (!isPoorOrNear(p)) return no('không thuộc hộ nghèo, cận nghèo', 'not in a poor or near-poor household');
    if (isPoor(p) && noSupporter(p)) return no('đã thuộc điểm a khoản 5', 'already under 5(5)(a)');
    return area.inArea ? yes(area.reason.vi, area.reason.en) : no(area.reason.vi, area.reason.en);
  },
  'elderly-80-plus-no-pension': ({ person: p }) => {
    if (isPoor(p) && noSupporter(p)) return no('đã thuộc điểm a khoản 5', 'already under 5(5)(a)');
    return hasPensionLike(p)
      ? no(
          'có lương hưu, trợ cấp BHXH hoặc trợ cấp xã hội hằng tháng',
          'has a pension, social-insurance or monthly social allowance',
        )
      : yes(
          'không có lương hưu, trợ cấp BHXH, trợ cấp xã hội hằng tháng',
          'no pension, social-insurance or monthly social allowance',
        );
  },
  'elderly-taken-in-community': ({ person: p }) =>
    isPoor(p) && noSupporter(p) && p.eligibleForFacilityButTakenIn === true
      ? yes(
          'hộ nghèo, không người phụng dưỡng, đủ điều kiện vào cơ sở nhưng được nhận chăm sóc tại cộng đồng',
          'poor, no supporter, eligible for a facility but taken in by the community',
        )
      : no(
          'không thuộc trường hợp được nhận chăm sóc tại cộng đồng thay cho cơ sở',
          'not taken in by the community in place of a facility',
        ),
  'disability-especially-severe': ({ person: p, date }) => disability(p, date, 'especially-severe'),
  'disability-severe': ({ person: p, date }) => disability(p, date, 'severe'),
  'disability-especially-severe-child-or-elderly': (c, age) =>
    childOrElderly(c, age, () => disability(c.person, c.date, 'especially-severe')),
  'disability-severe-child-or-elderly': (c, age) =>
    childOrElderly(c, age, () => disability(c.person, c.date, 'severe')),
  'child-under-3-ethnic-area': (c, _age, _rule, all) => {
    const p = c.person;
    if (!isPoorOrNear(p)) return no('không thuộc hộ nghèo, cận nghèo', 'not in a poor or near-poor household');
    const covered = (
      [
        'orphan-under-4',
        'orphan-4-to-16',
        'hiv-child-under-4',
        'hiv-child-4-to-16',
        'disability-especially-severe-child-or-elderly',
        'disability-severe-child-or-elderly',
      ] as const
    ).some((code) => {
      const r = all(code);
      return r !== undefined && checkCategory(r, c, all).ok;
    });
    if (covered) return no('đã thuộc khoản 1, 3 hoặc 6 Điều 5', 'already under 5(1), 5(3) or 5(6)');
    return c.area.inArea ? yes(c.area.reason.vi, c.area.reason.en) : no(c.area.reason.vi, c.area.reason.en);
  },
  'hiv-adult-poor': ({ person: p }) => {
    const h = hivPoor(p);
    if (!h.ok) return h;
    if (p.income?.stableMonthlyIncome !== false || p.income.pension || p.income.socialInsuranceMonthly) {
      return no(
        'có (hoặc chưa xác nhận không có) thu nhập ổn định hằng tháng',
        'has (or has not been confirmed without) a stable monthly income',
      );
    }
    return yes(
      'nhiễm HIV/AIDS, hộ nghèo, không có thu nhập ổn định',
      'HIV/AIDS, poor household, no stable monthly income',
    );
  },
};

function orphan({ person }: DayContext): Check {
  const s = orphanSituation(person);
  return s
    ? yes(`điểm ${s.point}: ${s.text.vi}`, `point (${s.point}): ${s.text.en}`)
    : no('không thuộc 11 trường hợp không có nguồn nuôi dưỡng', 'none of the 11 no-support situations');
}

function hivPoor(p: AllowancePerson): Check {
  if (p.hiv !== true) return no('không nhiễm HIV/AIDS', 'no HIV/AIDS');
  return isPoor(p)
    ? yes('nhiễm HIV/AIDS, thuộc hộ nghèo', 'HIV/AIDS, poor household')
    : no('không thuộc hộ nghèo', 'not in a poor household');
}

function elderly5a(p: AllowancePerson): Check {
  if (!isPoor(p)) return no('không thuộc hộ nghèo', 'not in a poor household');
  return noSupporter(p)
    ? yes(
        'hộ nghèo, không có người phụng dưỡng (hoặc người phụng dưỡng đang hưởng trợ cấp)',
        'poor household, no supporter (or the supporter is on the allowance)',
      )
    : no('có người có nghĩa vụ và quyền phụng dưỡng', 'someone is obliged and able to support them');
}

function disability(p: AllowancePerson, date: IsoDate, level: 'especially-severe' | 'severe'): Check {
  const text =
    level === 'especially-severe'
      ? { vi: 'khuyết tật đặc biệt nặng', en: 'especially severe disability' }
      : { vi: 'khuyết tật nặng', en: 'severe disability' };
  if (p.disability?.level !== level) return no(`không phải ${text.vi}`, `not ${text.en}`);
  if (!severeDisability(p, date, level)) return no(`chưa được xác định ${text.vi}`, `${text.en} not yet certified`);
  return yes(
    `${text.vi}${p.disability.certifiedOn ? ` (xác định ngày ${p.disability.certifiedOn})` : ''}`,
    `${text.en}${p.disability.certifiedOn ? ` (certified ${p.disability.certifiedOn})` : ''}`,
  );
}

function childOrElderly(c: DayContext, age: number, inner: () => Check): Check {
  if (age >= c.ages.childBelow && age < c.ages.elderlyFrom) {
    return no(
      `không phải trẻ em (dưới ${c.ages.childBelow}) hay người cao tuổi (từ ${c.ages.elderlyFrom})`,
      `neither a child (under ${c.ages.childBelow}) nor elderly (${c.ages.elderlyFrom}+)`,
    );
  }
  return inner();
}

/** Whether the person meets a category on the context's date: age range of the rule, then its conditions. */
export function checkCategory(rule: AllowanceCategoryRule, ctx: DayContext, all: RuleLookup): Check {
  if (ctx.person.dateOfBirth > ctx.date) return no('chưa sinh', 'not yet born');
  if (ctx.person.deceasedOn !== undefined && ctx.person.deceasedOn < ctx.date) return no('đã chết', 'deceased');
  const age = ageOn(ctx.person.dateOfBirth, ctx.date);
  if (!inAges(age, rule.ages)) {
    const t = agesText(rule.ages);
    return no(`${age} tuổi, ngoài độ tuổi ${t.vi}`, `aged ${age}, outside ${t.en}`);
  }
  return CONDITIONS[rule.code](ctx, age, rule, all);
}
