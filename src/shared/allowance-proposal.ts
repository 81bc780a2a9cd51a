/**
 * @module What the rules engine proposes for an allowance application, read the same way on the tablet (the live
 * proposal while the form is filled in) and on the server (the recomputation a decision is checked against): the
 * application's answers made into the engine's person, the category, coefficient and amount for a month, what is
 * still missing to decide, and the wording a public posting list uses for a category.
 */
import { answerAllowance, type AllowanceAnswer } from '../domain/allowance/answer';
import type { AllowancePerson } from '../domain/allowance/schema';
import { CARE_ALLOWANCE_CODES, type AllowanceCategoryCode, type CareAllowanceCode } from '../domain/packs/types';
import { resolveRules } from '../domain/packs/resolve';
import type { Bilingual } from '../domain/common/rule';
import type { AllowanceApplication, AllowanceDecision, AllowanceForm, APPLICATION_PAPERS } from './records/allowance';

type Sensitive = { hiv: boolean } | undefined;
export type Paper = (typeof APPLICATION_PAPERS)[number];

/** The categories of Art. 5 each form applies for (CASES.md §1.1); the care forms ask for Art. 20 support. */
export const FORM_CATEGORIES: Readonly<Record<AllowanceForm, readonly string[]>> = {
  '1a': ['orphan-under-4', 'orphan-4-to-16', 'orphan-studying-16-to-22', 'child-under-3-ethnic-area'],
  '1b': ['hiv-child-under-4', 'hiv-child-4-to-16', 'hiv-adult-poor'],
  '1c': ['single-parent-per-child'],
  '1d': [
    'elderly-poor-no-supporter-60-to-80',
    'elderly-poor-no-supporter-80-plus',
    'elderly-75-to-80-ethnic-area',
    'elderly-80-plus-no-pension',
    'elderly-taken-in-community',
  ],
  '1đ': [
    'disability-especially-severe',
    'disability-especially-severe-child-or-elderly',
    'disability-severe',
    'disability-severe-child-or-elderly',
  ],
  '2a': [],
  '2b': [],
  '03': [],
};

const TAKE_IN: readonly CareAllowanceCode[] = [
  'take-in-orphan-under-4',
  'take-in-orphan-4-to-16',
  'take-in-elderly-5d',
  'take-in-especially-severe-pwd',
  'take-in-especially-severe-pwd-child',
];

/**
 * The care and nurture supports of Art. 20 each care form asks for (CASES.md §1.1), decided alongside the cared-for
 * person's own allowance and paid to the carer: 2a a household caring for its member with an especially severe
 * disability; 2b and 03 a household or person taking someone in.
 */
export const FORM_CARE: Readonly<Record<AllowanceForm, readonly CareAllowanceCode[]>> = {
  '1a': [],
  '1b': [],
  '1c': [],
  '1d': [],
  '1đ': [],
  '2a': ['household-caring-especially-severe-pwd'],
  '2b': TAKE_IN,
  '03': TAKE_IN,
};

/** What a decision on an application of this form may grant: a category of Art. 5 or a support of Art. 20. */
export const formGrants = (form: AllowanceForm): readonly string[] => [...FORM_CATEGORIES[form], ...FORM_CARE[form]];

const CARE_CODES: ReadonlySet<string> = new Set(CARE_ALLOWANCE_CODES);

/** The rule a decision grants, in force in `month` (yyyy-mm): a category of Art. 5 or a support of Art. 20. */
export function grantRule(code: string, month: string): { clause: string; title: Bilingual } | undefined {
  const snap = resolveRules(`${month}-01`);
  return CARE_CODES.has(code)
    ? snap.careAllowance(code as CareAllowanceCode)
    : snap.allowanceCategory(code as AllowanceCategoryCode);
}

/** Categories a posting list never names: they tell HIV status (Decree 20/2021 Art. 8(1)(c)). */
const HIV_CATEGORIES = new Set(['hiv-child-under-4', 'hiv-child-4-to-16', 'hiv-adult-poor']);
export const isHivCategory = (code: string): boolean => HIV_CATEGORIES.has(code);

/** A full date of birth: a year alone is not enough to count an age in months. */
const fullDate = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);

/** The engine's person from the application's answers; `undefined` while the date of birth is a year alone. */
export function applicationPerson(
  application: AllowanceApplication,
  sensitive: Sensitive,
  communeCode: string,
): AllowancePerson | undefined {
  const dateOfBirth = fullDate(application.applicant.birthDate);
  if (!dateOfBirth) return undefined;
  const d = application.disability;
  const level = d?.level;
  return {
    ...application.facts,
    dateOfBirth,
    householdPoverty: application.householdPoverty,
    communeCode,
    ...(level && level !== 'none'
      ? { disability: { level, ...(d.certifiedOn ? { certifiedOn: d.certifiedOn } : {}) } }
      : {}),
    ...(sensitive?.hiv ? { hiv: true } : {}),
  };
}

/** The papers a form needs seen before a decision (Art. 8(1)(a)). */
export function requiredPapers(application: AllowanceApplication): Paper[] {
  const papers: Paper[] = ['residence'];
  const year = Number(application.applicant.birthDate.slice(0, 4));
  const filed = Number(application.filedOn.slice(0, 4));
  papers.push(filed - year < 14 ? 'birth-certificate' : 'citizen-id');
  if (application.form === '1b') papers.push('hiv-certificate');
  if (application.form === '1đ' || application.form === '2a') papers.push('disability-certificate');
  if (application.facts.pregnant) papers.push('pregnancy-certificate');
  return papers;
}

export type Missing =
  | { what: 'fullBirthDate' }
  | { what: 'paper'; paper: Paper }
  | { what: 'hivStatus' }
  | { what: 'disabilityLevel' }
  | { what: 'noCategory' };

export interface Proposal {
  readonly answer: AllowanceAnswer | null;
  /** The category the engine pays that this form applies for (a support of Art. 20 on a care form), if any. */
  readonly categoryCode: string | null;
  readonly coefficient: number;
  readonly amount: number;
  readonly missing: readonly Missing[];
}

/** The engine's proposal for the month `benefitMonth` (yyyy-mm), the chairman signing in `decisionMonth`. */
export function proposeAllowance(
  application: AllowanceApplication,
  sensitive: Sensitive,
  communeCode: string,
  benefitMonth: string,
  decisionMonth: string = benefitMonth,
): Proposal {
  const missing: Missing[] = [];
  const seen = new Set(application.papers);
  for (const paper of requiredPapers(application)) if (!seen.has(paper)) missing.push({ what: 'paper', paper });
  if (application.form === '1b' && !sensitive?.hiv) missing.push({ what: 'hivStatus' });
  if ((application.form === '1đ' || application.form === '2a') && !application.disability?.level)
    missing.push({ what: 'disabilityLevel' });
  const person = applicationPerson(application, sensitive, communeCode);
  if (!person)
    return {
      answer: null,
      categoryCode: null,
      coefficient: 0,
      amount: 0,
      missing: [{ what: 'fullBirthDate' }, ...missing],
    };
  const answer = answerAllowance({ question: 'allowance', benefitMonth, decisionMonth, person });
  const care = FORM_CARE[application.form];
  if (care.length > 0) {
    const support = answer.care.find((c) => care.includes(c.code));
    if (!support) missing.push({ what: 'noCategory' });
    return {
      answer,
      categoryCode: support?.code ?? null,
      coefficient: support?.coefficient ?? 0,
      amount: support?.amount ?? 0,
      missing,
    };
  }
  const wanted = FORM_CATEGORIES[application.form];
  const line = answer.paid.lines.find((l) => wanted.includes(l.code));
  if (wanted.length > 0 && !line) missing.push({ what: 'noCategory' });
  return {
    answer,
    categoryCode: line?.code ?? null,
    coefficient: line ? answer.paid.totalCoefficient : 0,
    amount: line ? answer.paid.amount : 0,
    missing,
  };
}

export type DecisionCheck =
  | { ok: true }
  | { ok: false; expected: { categoryCode: string | null; coefficient: number; amount: number } };

/**
 * A decision agrees with the engine when it names the category, coefficient and amount the engine gives for its
 * start month; one that differs stands only with the officer's reason (a provincial top-up, a court decision).
 */
export function checkDecision(
  application: AllowanceApplication,
  sensitive: Sensitive,
  communeCode: string,
  decision: AllowanceDecision,
): DecisionCheck {
  const proposal = proposeAllowance(
    application,
    sensitive,
    communeCode,
    decision.startMonth,
    decision.signedOn.slice(0, 7),
  );
  const agrees =
    proposal.categoryCode === decision.categoryCode &&
    Math.abs(proposal.coefficient - decision.coefficient) < 1e-9 &&
    proposal.amount === decision.amount;
  if (agrees || decision.overrideReason?.trim()) return { ok: true };
  return {
    ok: false,
    expected: { categoryCode: proposal.categoryCode, coefficient: proposal.coefficient, amount: proposal.amount },
  };
}
