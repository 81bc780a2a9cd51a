/**
 * @module What each form asks besides the engine's facts (CASES.md §1.1, "Form-specific fields"), and the benefits
 * the person already receives: typed as text on the tablet, read into the application's `details` and
 * `currentBenefits` for the dossier and the chairman. The rules engine reads none of it.
 */
import type { AllowanceForm, CurrentBenefit, FormDetails } from '../../shared/records/allowance';
import { parseQuantity } from '../format';
import type * as v from 'valibot';

export type DetailKey = keyof FormDetails;
export type BenefitKey = 'benefitSocialProtection' | 'benefitMerit' | 'benefitOther';

/** The questions of each form, in the order of the paper form. */
export const FORM_DETAILS: Readonly<Record<AllowanceForm, readonly DetailKey[]>> = {
  '1a': ['schooling', 'parents'],
  '1b': ['ableToWork'],
  '1c': [],
  '1d': ['supporter'],
  '1đ': ['working', 'ableToWork', 'selfCare', 'currentCarer'],
  '2a': ['disabledMembers', 'houseType'],
  '2b': ['houseType', 'carerBackground'],
  '03': ['houseType', 'carerBackground'],
};

/** The person's own forms list the benefits already received (pension is asked with the engine's facts). */
export const FORM_BENEFITS: Readonly<Record<AllowanceForm, readonly BenefitKey[]>> = {
  '1a': ['benefitSocialProtection', 'benefitMerit', 'benefitOther'],
  '1b': ['benefitSocialProtection', 'benefitMerit', 'benefitOther'],
  '1c': ['benefitSocialProtection', 'benefitMerit', 'benefitOther'],
  '1d': ['benefitSocialProtection', 'benefitMerit', 'benefitOther'],
  '1đ': ['benefitSocialProtection', 'benefitMerit', 'benefitOther'],
  '2a': [],
  '2b': [],
  '03': [],
};

/** The answers a question takes from a list; the others are typed. */
export const DETAIL_CHOICES = {
  ableToWork: ['yes', 'partly', 'no'],
  working: ['yes', 'no'],
  selfCare: ['self', 'partly', 'unable'],
  houseType: ['solid', 'semi-solid', 'makeshift'],
} as const satisfies Partial<Record<DetailKey, readonly string[]>>;

export const isChoice = (key: DetailKey): key is keyof typeof DETAIL_CHOICES => key in DETAIL_CHOICES;

const BENEFIT_KIND: Readonly<Record<BenefitKey, v.InferOutput<typeof CurrentBenefit>['kind']>> = {
  benefitSocialProtection: 'social-protection',
  benefitMerit: 'merit',
  benefitOther: 'other',
};

/** The form's answers as the application holds them; a question of another form is not this form's answer. */
export function detailsOf(form: AllowanceForm, typed: Readonly<Record<string, string>>): FormDetails | undefined {
  const out: Record<string, unknown> = {};
  for (const key of FORM_DETAILS[form]) {
    const value = (typed[key] ?? '').trim();
    if (!value) continue;
    // A count typed wrongly is kept as typed text, so the schema says what is wrong rather than dropping it.
    out[key] = key === 'disabledMembers' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return Object.keys(out).length > 0 ? (out as FormDetails) : undefined;
}

/** The benefits typed ("1.500.000" a month), with the pension amount the facts ask for. */
export function benefitsOf(
  form: AllowanceForm,
  typed: Readonly<Record<string, string>>,
  pensionAmount: number | undefined,
): v.InferOutput<typeof CurrentBenefit>[] {
  const out: v.InferOutput<typeof CurrentBenefit>[] = [];
  if (pensionAmount !== undefined) out.push({ kind: 'pension', amount: pensionAmount });
  for (const key of FORM_BENEFITS[form]) {
    const value = (typed[key] ?? '').trim();
    if (!value) continue;
    const parsed = parseQuantity(value, 'VND');
    if (parsed.ok) out.push({ kind: BENEFIT_KIND[key], amount: parsed.value });
  }
  return out;
}

/** A benefit amount that cannot be read, at its field (the others are checked by the application's schema). */
export function benefitIssues(
  form: AllowanceForm,
  typed: Readonly<Record<string, string>>,
): Partial<Record<BenefitKey, string>> {
  const issues: Partial<Record<BenefitKey, string>> = {};
  for (const key of FORM_BENEFITS[form]) {
    const value = (typed[key] ?? '').trim();
    if (!value) continue;
    const parsed = parseQuantity(value, 'VND');
    if (!parsed.ok) issues[key] = parsed.message;
  }
  return issues;
}
