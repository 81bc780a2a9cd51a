/**
 * @module The survey as typed (strings, as the inputs hold them) and its conversion to validated answers. Kept
 * apart from the screen so a draft can be stored and restored as it is.
 */
import * as v from 'valibot';
import { encodeMessage } from '../../shared/messages';
import { EnteredIsoDay } from '../../shared/fields';
import { SurveyAnswers } from '../../shared/records/survey';

export interface SurveyDraft {
  period: 'annual' | 'regular';
  reviewDate: string;
  incomeMode: 'per-capita' | 'household';
  incomePerCapita: string;
  householdIncome: string;
  floorAreaM2: string;
  nonDurableStructures: string;
  waterSource: string;
  latrine: string;
  usesTelecom: boolean | undefined;
  hasInformationDevice: boolean | undefined;
  wasteCollectedOrTreated: boolean | undefined;
  malnourished: string[];
  behindInSchool: string[];
}

export const SurveyDraftSchema = v.object({
  period: v.picklist(['annual', 'regular']),
  reviewDate: v.string(),
  incomeMode: v.picklist(['per-capita', 'household']),
  incomePerCapita: v.string(),
  householdIncome: v.string(),
  floorAreaM2: v.string(),
  nonDurableStructures: v.string(),
  waterSource: v.string(),
  latrine: v.string(),
  usesTelecom: v.optional(v.boolean()),
  hasInformationDevice: v.optional(v.boolean()),
  wasteCollectedOrTreated: v.optional(v.boolean()),
  malnourished: v.array(v.string()),
  behindInSchool: v.array(v.string()),
});

export function emptySurvey(reviewDate: string): SurveyDraft {
  return {
    period: 'annual',
    reviewDate,
    incomeMode: 'household',
    incomePerCapita: '',
    householdIncome: '',
    floorAreaM2: '',
    nonDurableStructures: '',
    waterSource: '',
    latrine: '',
    usesTelecom: undefined,
    hasInformationDevice: undefined,
    wasteCollectedOrTreated: undefined,
    malnourished: [],
    behindInSchool: [],
  };
}

/** "1.500.000", "1500000", "1 500 000 đ" → 1500000; empty → undefined; not a number → NaN (a validation error). */
export function parseAmount(text: string): number | undefined {
  const digits = text.replace(/[.\s,đ₫]|VND/gi, '');
  if (!digits) return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

export type SurveyCheck =
  | { ok: true; answers: SurveyAnswers }
  | { ok: false; issues: Partial<Record<keyof SurveyDraft, string>> };

export function checkSurvey(draft: SurveyDraft, reviewDateIso: string | undefined): SurveyCheck {
  const issues: Partial<Record<keyof SurveyDraft, string>> = {};
  const reviewDateIssue = reviewDateIssueOf(reviewDateIso);
  if (reviewDateIssue) issues.reviewDate = reviewDateIssue;
  const income =
    draft.incomeMode === 'household' ? parseAmount(draft.householdIncome) : parseAmount(draft.incomePerCapita);
  const incomeField = draft.incomeMode === 'household' ? 'householdIncome' : 'incomePerCapita';
  if (income === undefined) issues[incomeField] = encodeMessage('survey.income');
  else if (Number.isNaN(income)) issues[incomeField] = encodeMessage('survey.digitsOnly');
  const area = draft.floorAreaM2.trim() ? Number(draft.floorAreaM2.replace(',', '.')) : undefined;
  if (area !== undefined && (Number.isNaN(area) || area < 0)) issues.floorAreaM2 = encodeMessage('survey.floorArea');
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const candidate = {
    period: draft.period,
    reviewDate: reviewDateIso as string,
    incomeMode: draft.incomeMode,
    ...(draft.incomeMode === 'household' ? { householdIncome: income } : { incomePerCapita: income }),
    ...(area !== undefined ? { floorAreaM2: area } : {}),
    ...(draft.nonDurableStructures ? { nonDurableStructures: Number(draft.nonDurableStructures) } : {}),
    ...(draft.waterSource ? { waterSource: draft.waterSource } : {}),
    ...(draft.latrine ? { latrine: draft.latrine } : {}),
    ...(draft.usesTelecom !== undefined ? { usesTelecom: draft.usesTelecom } : {}),
    ...(draft.hasInformationDevice !== undefined ? { hasInformationDevice: draft.hasInformationDevice } : {}),
    ...(draft.wasteCollectedOrTreated !== undefined ? { wasteCollectedOrTreated: draft.wasteCollectedOrTreated } : {}),
    malnourished: draft.malnourished,
    behindInSchool: draft.behindInSchool,
  };
  const parsed = v.safeParse(SurveyAnswers, candidate);
  if (parsed.success) return { ok: true, answers: parsed.output };
  const flat = v.flatten<typeof SurveyAnswers>(parsed.issues).nested ?? {};
  return {
    ok: false,
    issues: Object.fromEntries(Object.entries(flat).map(([k, messages]) => [k, messages?.[0] ?? ''])),
  };
}

/** What is wrong with a review date as typed (in the records' shape): missing, a day that does not exist, before 1900. */
function reviewDateIssueOf(iso: string | undefined): string | undefined {
  if (!iso) return encodeMessage('field.date');
  const parsed = v.safeParse(EnteredIsoDay, iso);
  return parsed.success ? undefined : parsed.issues[0].message;
}

/** The review date when it is a real day, for the questions that depend on it (who is a child). */
export function validReviewDate(iso: string | undefined): string | undefined {
  return iso && !reviewDateIssueOf(iso) ? iso : undefined;
}

/** The survey's sections, in the order the form shows them, and the draft's fields each one holds. */
export const SURVEY_SECTIONS = ['review', 'income', 'housing', 'services'] as const;
export type SurveySection = (typeof SURVEY_SECTIONS)[number];

/** A section is complete when each of its questions is answered and none has a problem. */
export function sectionsComplete(draft: SurveyDraft, check: SurveyCheck): Record<SurveySection, boolean> {
  const issues = check.ok ? {} : check.issues;
  const income = draft.incomeMode === 'household' ? draft.householdIncome : draft.incomePerCapita;
  return {
    review: !issues.reviewDate,
    income: income.trim() !== '' && !issues.householdIncome && !issues.incomePerCapita,
    housing: draft.floorAreaM2.trim() !== '' && draft.nonDurableStructures !== '' && !issues.floorAreaM2,
    services:
      draft.waterSource !== '' &&
      draft.latrine !== '' &&
      draft.usesTelecom !== undefined &&
      draft.hasInformationDevice !== undefined &&
      draft.wasteCollectedOrTreated !== undefined,
  };
}

/**
 * Whether a member counts as a child for the survey's questions on `reviewDate`: under 16 that year, and born by
 * then — a birth year after the review (a typing slip the registry may still hold) is nobody's child yet.
 */
export function isChildOn(birthDate: string, reviewDate: string): boolean {
  const age = Number(reviewDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return age >= 0 && age < 16 && birthDate.slice(0, 10) <= reviewDate;
}
