/**
 * @module The survey as typed (strings, as the inputs hold them) and its conversion to validated answers. Kept
 * apart from the screen so a draft can be stored and restored as it is.
 */
import * as v from 'valibot';
import { encodeMessage } from '../../shared/messages';
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
  if (!reviewDateIso) issues.reviewDate = encodeMessage('field.date');
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
    reviewDate: reviewDateIso,
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
