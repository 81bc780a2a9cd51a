// Social pension (trợ cấp hưu trí xã hội) of the Social Insurance Law 2024 and Decree 176/2025, from 1/7/2025:
// aged 75+ without a pension or social-insurance allowance (or with one below the social pension), or aged 70–<75
// in a poor or near-poor household. A monthly-allowance beneficiary gets one payment: the higher of the two.
import { ageOn, firstDayOf, lastDayOf, type IsoMonth } from '../common/dates';
import type { Bilingual } from '../common/rule';
import type { SocialPensionRule } from '../packs/types';
import type { AllowancePerson } from './schema';

export interface SocialPensionCheck {
  readonly eligible: boolean;
  readonly reason: Bilingual;
}

export function checkSocialPension(
  rule: SocialPensionRule,
  person: AllowancePerson,
  month: IsoMonth,
): SocialPensionCheck {
  // Like the allowance, the month of the birthday counts.
  const age = Math.max(
    ...[firstDayOf(month), lastDayOf(month)].map((d) => (person.dateOfBirth <= d ? ageOn(person.dateOfBirth, d) : -1)),
  );
  const inc = person.income;
  const hasPension = inc?.pension === true || inc?.socialInsuranceMonthly === true;
  const pensionBelow = hasPension && inc?.pensionAmount !== undefined && inc.pensionAmount < rule.amount;
  if (age >= rule.ageFrom) {
    if (!hasPension || pensionBelow) {
      return {
        eligible: true,
        reason: {
          vi: `từ đủ ${rule.ageFrom} tuổi, không có lương hưu, trợ cấp BHXH hằng tháng${pensionBelow ? ' (hoặc thấp hơn mức trợ cấp hưu trí xã hội)' : ''}`,
          en: `aged ${rule.ageFrom}+, no monthly pension or social-insurance allowance${pensionBelow ? ' (or one below the social pension)' : ''}`,
        },
      };
    }
    return {
      eligible: false,
      reason: {
        vi: 'đang có lương hưu hoặc trợ cấp BHXH hằng tháng',
        en: 'already has a monthly pension or social-insurance allowance',
      },
    };
  }
  if (age >= rule.ageFromPoorOrNearPoor && person.householdPoverty !== 'none' && (!hasPension || pensionBelow)) {
    return {
      eligible: true,
      reason: {
        vi: `từ ${rule.ageFromPoorOrNearPoor} đến dưới ${rule.ageFrom} tuổi, thuộc hộ nghèo, cận nghèo`,
        en: `aged ${rule.ageFromPoorOrNearPoor} to under ${rule.ageFrom}, poor or near-poor household`,
      },
    };
  }
  return {
    eligible: false,
    reason: {
      vi: `${age} tuổi, chưa đủ điều kiện hưởng trợ cấp hưu trí xã hội`,
      en: `aged ${age}, not eligible for the social pension`,
    },
  };
}
