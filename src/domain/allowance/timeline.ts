// Start month of the paid categories (Art. 8(1)(đ)) and the next month the payment changes or stops (Art. 8(2)),
// found by re-evaluating the same facts month by month with the same rules. Facts are assumed unchanged; only the
// passing of time (birthdays, course end, death) moves the answer.
import { addMonths, birthdayAt, monthOf, type IsoMonth } from '../common/dates';
import type { Bilingual } from '../common/rule';
import type { AgeDefinitions } from '../packs/pack';
import type { AllowanceCategoryCode, AllowanceCategoryRule } from '../packs/types';
import type { AreaAnswer } from './area';
import { evaluateMonth, selectPaid, type Selection } from './evaluate-month';
import type { AllowancePerson } from './schema';

export interface StartMonth {
  readonly code: AllowanceCategoryCode;
  /** null when it depends on a decision month not given. */
  readonly month: IsoMonth | null;
  readonly basis: Bilingual;
}

export interface NextChange {
  readonly month: IsoMonth;
  readonly kind: 'start' | 'stop' | 'change';
  readonly paidCodes: readonly AllowanceCategoryCode[];
  readonly totalCoefficient: number;
}

export function startMonth(
  rule: AllowanceCategoryRule,
  person: AllowancePerson,
  decisionMonth: IsoMonth | undefined,
): StartMonth {
  const code = rule.code;
  if (rule.start === 'eligibility-month' && rule.ages?.from !== undefined) {
    return {
      code,
      month: monthOf(birthdayAt(person.dateOfBirth, rule.ages.from)),
      basis: { vi: `từ tháng đủ ${rule.ages.from} tuổi`, en: `from the month of turning ${rule.ages.from}` },
    };
  }
  if (rule.start === 'certificate-month' && person.disability?.certifiedOn !== undefined) {
    return {
      code,
      month: monthOf(person.disability.certifiedOn),
      basis: {
        vi: 'từ tháng được cấp giấy xác nhận khuyết tật',
        en: 'from the month the disability certificate was issued',
      },
    };
  }
  return {
    code,
    month: decisionMonth ?? null,
    basis: { vi: 'từ tháng Chủ tịch UBND ký quyết định', en: 'from the month the chairman signs the decision' },
  };
}

const key = (s: Selection) => `${s.paid.map((p) => p.rule.code).join('+')}=${s.totalCoefficient}`;

export function nextChange(
  rules: readonly AllowanceCategoryRule[],
  person: AllowancePerson,
  from: IsoMonth,
  current: Selection,
  area: AreaAnswer,
  ages: AgeDefinitions,
  horizonMonths: number,
): NextChange | null {
  const now = key(current);
  for (let i = 1; i <= horizonMonths; i++) {
    const month = addMonths(from, i);
    const sel = selectPaid(evaluateMonth(rules, person, month, area, ages));
    if (key(sel) !== now) {
      return {
        month,
        kind: sel.paid.length === 0 ? 'stop' : current.paid.length === 0 ? 'start' : 'change',
        paidCodes: sel.paid.map((p) => p.rule.code),
        totalCoefficient: sel.totalCoefficient,
      };
    }
  }
  return null;
}
