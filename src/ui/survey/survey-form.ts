/**
 * @module The survey as typed (strings, as the inputs hold them) and its conversion to validated answers. Kept
 * apart from the screen so a draft can be stored and restored as it is.
 */
import * as v from 'valibot';
import { encodeMessage } from '../../shared/messages';
import { EnteredIsoDay } from '../../shared/fields';
import { SurveyAnswers } from '../../shared/records/survey';
import { formatQuantity, parseQuantity } from '../format';

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

/** The survey's fields that hold a typed number, each with the unit it is read in (src/ui/format.ts). */
const NUMBER_FIELDS = { householdIncome: 'VND', incomePerCapita: 'VND', floorAreaM2: 'm2' } as const;
type NumberField = keyof typeof NUMBER_FIELDS;

/** The income field the chosen mode asks for. */
const incomeFieldOf = (draft: SurveyDraft): NumberField =>
  draft.incomeMode === 'household' ? 'householdIncome' : 'incomePerCapita';

/**
 * What the form reads from each number field it asks for, in the app's format ("4.500.000 đ", "24,5 m²"), to show
 * under the field before it is sent; a field that cannot be read (or is empty) has none.
 */
export function readings(draft: SurveyDraft): Partial<Record<NumberField, string>> {
  const asked = [incomeFieldOf(draft), 'floorAreaM2'] as const;
  return Object.fromEntries(
    asked.flatMap((field) => {
      const read = parseQuantity(draft[field], NUMBER_FIELDS[field]);
      return read.ok ? [[field, formatQuantity(read.value, NUMBER_FIELDS[field])]] : [];
    }),
  );
}

export type SurveyCheck =
  | { ok: true; answers: SurveyAnswers }
  | { ok: false; issues: Partial<Record<keyof SurveyDraft, string>> };

export function checkSurvey(draft: SurveyDraft, reviewDateIso: string | undefined): SurveyCheck {
  const issues: Partial<Record<keyof SurveyDraft, string>> = {};
  const reviewDateIssue = reviewDateIssueOf(reviewDateIso);
  if (reviewDateIssue) issues.reviewDate = reviewDateIssue;
  // Income and floor area through the app's one parser: "1,5" đ or "1.200" m² is refused, never guessed.
  const incomeField = incomeFieldOf(draft);
  const typedIncome = draft[incomeField];
  const income = typedIncome.trim() ? parseQuantity(typedIncome, 'VND') : undefined;
  if (!income) issues[incomeField] = encodeMessage('survey.income');
  else if (!income.ok) issues[incomeField] = income.message;
  const area = draft.floorAreaM2.trim() ? parseQuantity(draft.floorAreaM2, 'm2') : undefined;
  if (area && !area.ok) issues.floorAreaM2 = area.message;
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  const candidate = {
    period: draft.period,
    reviewDate: reviewDateIso as string,
    incomeMode: draft.incomeMode,
    ...(income?.ok ? { [incomeField]: income.value } : {}),
    ...(area?.ok ? { floorAreaM2: area.value } : {}),
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
