// Types of the rule packs. A pack is a set of dated rule families; the national pack holds the law of the whole
// country and a provincial pack is layered on it (a higher local standard level, top-ups, the local area lists).
import type { Bilingual, RuleBase } from '../common/rule';

/** Mức chuẩn trợ giúp xã hội (M), VND per month. */
export interface StandardLevelRule extends RuleBase {
  readonly amount: number;
}

/** Every category of Art. 5, in the order the engine evaluates them. */
export const ALLOWANCE_CATEGORY_CODES = [
  'orphan-under-4',
  'orphan-4-to-16',
  'orphan-studying-16-to-22',
  'hiv-child-under-4',
  'hiv-child-4-to-16',
  'single-parent-per-child',
  'elderly-poor-no-supporter-60-to-80',
  'elderly-poor-no-supporter-80-plus',
  'elderly-75-to-80-ethnic-area',
  'elderly-80-plus-no-pension',
  'elderly-taken-in-community',
  'disability-especially-severe',
  'disability-especially-severe-child-or-elderly',
  'disability-severe',
  'disability-severe-child-or-elderly',
  'child-under-3-ethnic-area',
  'hiv-adult-poor',
] as const;

export type AllowanceCategoryCode = (typeof ALLOWANCE_CATEGORY_CODES)[number];

/** Ages in completed years: from `from` (inclusive) to `below` (exclusive). */
export interface AgeRange {
  readonly from?: number;
  readonly below?: number;
}

/** One beneficiary category of Art. 5 with its coefficient of Art. 6 (Decree 20/2021). */
export interface AllowanceCategoryRule extends RuleBase {
  readonly code: AllowanceCategoryCode;
  /** Clause of Art. 5, e.g. '5(5)(a)'. */
  readonly clause: string;
  readonly coefficient: number;
  /** Paid per child raised rather than once (5(4)). */
  readonly perChild?: boolean;
  readonly ages?: AgeRange;
  /** Ages of the children counted by a per-child category (5(4)): under 16, or studying up to 22. */
  readonly childAges?: { readonly below: number; readonly studyingBelow: number };
  /** Highest-only exception of Art. 6(2): these category families are paid in addition to this one. */
  readonly stacksWithFamilies?: readonly AllowanceFamily[];
  readonly family: AllowanceFamily;
  /**
   * Art. 8(1)(đ): the month payment starts. 'eligibility-month' for 5(5)(b)/(c) (the month of turning 75 / 80),
   * 'certificate-month' for disability (the month the certificate is issued), 'decision-month' for the others.
   */
  readonly start: 'eligibility-month' | 'certificate-month' | 'decision-month';
}

export type AllowanceFamily = 'orphan' | 'hiv' | 'single-parent' | 'elderly' | 'disability' | 'young-child';

/** Every care and nurture support of Art. 20. */
export const CARE_ALLOWANCE_CODES = [
  'take-in-orphan-under-4',
  'take-in-orphan-4-to-16',
  'take-in-elderly-5d',
  'pwd-pregnant-or-one-child-under-36-months',
  'pwd-pregnant-and-child-or-two-children-under-36-months',
  'household-caring-especially-severe-pwd',
  'take-in-especially-severe-pwd',
  'take-in-especially-severe-pwd-child',
] as const;

export type CareAllowanceCode = (typeof CARE_ALLOWANCE_CODES)[number];

/** Kinh phí hỗ trợ chăm sóc, nuôi dưỡng (Art. 20): paid to the carer, on top of the person's own allowance. */
export interface CareAllowanceRule extends RuleBase {
  readonly code: CareAllowanceCode;
  /** Clause of Art. 20, e.g. '20(3)': what a decision granting it cites. */
  readonly clause: string;
  readonly coefficient: number;
  /** Rules of the same group are alternatives for one cared-for person: only the highest is paid. */
  readonly group: 'take-in' | 'pwd-parent' | 'household-care';
}

/** Trợ cấp hưu trí xã hội (Decree 176/2025): paid instead of the monthly allowance when higher. */
export interface SocialPensionRule extends RuleBase {
  readonly amount: number;
  readonly ageFrom: number;
  /** Younger age from which a member of a poor or near-poor household qualifies. */
  readonly ageFromPoorOrNearPoor: number;
}

export type DecisionAction =
  | 'monthly-allowance'
  | 'care-allowance'
  | 'social-pension'
  | 'emergency-food'
  | 'emergency-injury'
  | 'emergency-injury-outside-residence'
  | 'emergency-burial'
  | 'emergency-house'
  | 'temporary-care'
  | 'beneficiary-burial';

export type DeciderRole =
  | 'commune-chairman'
  | 'district-chairman'
  | 'chairman-where-treated'
  | 'commune-chairman-where-treated';

/** Who decides a support: data, because the two-tier reform of 1/7/2025 moved these powers. */
export interface DeciderRule extends RuleBase {
  readonly action: DecisionAction;
  readonly role: DeciderRole;
  readonly who: Bilingual;
  readonly deadline?: Bilingual;
}

/** A provincial addition of a fixed amount of VND on top of a national support, from a date. */
export interface TopUpRule extends RuleBase {
  readonly target: { readonly kind: 'monthly-allowance' } | { readonly kind: 'emergency'; readonly code: string };
  readonly amount: number;
}

/** Communes (and villages) of the ethnic-minority and mountainous area with special difficulties (DTTS & MN ĐBKK). */
export interface SpecialDifficultyAreaRule extends RuleBase {
  readonly communeCodes: readonly string[];
  /** Villages listed by "communeCode/village name" for communes only partly in the area. */
  readonly villages: readonly string[];
}
