/**
 * @module The answers of a household poverty survey (phiếu rà soát), kept in a survey case's `data`. Member facts
 * come from the member records; only what the registry cannot know is asked here.
 */
import * as v from 'valibot';
import { encodeMessage } from '../messages';
import { IsoDay } from '../fields';

const Money = v.pipe(
  v.number(encodeMessage('field.money')),
  v.integer(encodeMessage('field.moneyInteger')),
  v.minValue(0, encodeMessage('field.notNegative')),
  v.maxValue(10_000_000_000, encodeMessage('field.atMost', { max: 10_000_000_000 })),
);
const Bool = v.optional(v.boolean());
/** Members of the household a question names (children), bounded like a household's members. */
const MemberIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(100));

/** The survey's answers to where drinking water comes from and what latrine the household has (the engine's codes). */
export const WATER_SOURCES = [
  'piped',
  'drilled-well',
  'protected-dug-well',
  'protected-spring',
  'rainwater',
  'bottled',
  'unprotected-well',
  'unprotected-spring',
  'surface-water',
  'other',
] as const;
export const LATRINES = [
  'septic',
  'semi-septic',
  'pour-flush',
  'ventilated-pit',
  'double-vault',
  'simple-pit',
  'hanging',
  'none',
  'other',
] as const;

export const SurveyAnswers = v.object({
  /** The annual review (1/9–14/12) or a regular (monthly) review. */
  period: v.picklist(['annual', 'regular']),
  reviewDate: IsoDay,
  incomeMode: v.picklist(['per-capita', 'household']),
  incomePerCapita: v.optional(Money),
  householdIncome: v.optional(Money),
  floorAreaM2: v.optional(
    v.pipe(
      v.number(encodeMessage('field.floorArea')),
      v.minValue(0, encodeMessage('field.notNegative')),
      v.maxValue(10_000, encodeMessage('field.atMost', { max: 10_000 })),
    ),
  ),
  /** How many of foundation, frame and roof are not durable (0–3). */
  nonDurableStructures: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))),
  waterSource: v.optional(v.picklist(WATER_SOURCES)),
  latrine: v.optional(v.picklist(LATRINES)),
  usesTelecom: Bool,
  hasInformationDevice: Bool,
  wasteCollectedOrTreated: Bool,
  /** Member ids of children found malnourished. */
  malnourished: v.optional(MemberIds),
  /** Member ids of children studying below the level for their age. */
  behindInSchool: v.optional(MemberIds),
});
export type SurveyAnswers = v.InferOutput<typeof SurveyAnswers>;

/** What a submitted survey records of its result, so lists can show it without the rules engine. */
export const SurveyResult = v.object({
  classification: v.picklist(['poor', 'near-poor', 'average-living-standard', 'none', 'undetermined']),
  deprivationCount: v.number(),
  perCapitaIncome: v.number(),
  standard: v.pipe(v.string(), v.maxLength(200)),
  rulePack: v.pipe(v.string(), v.maxLength(200)),
  provisional: v.boolean(),
});
export type SurveyResult = v.InferOutput<typeof SurveyResult>;

/**
 * A survey case's `data`. `result` is the server's own classification of the answers (it recomputes whatever a
 * device sends); `deviceResult` keeps what the device claimed when the two disagree, for the commune officer.
 */
export const SurveyCaseData = v.object({
  answers: SurveyAnswers,
  result: v.optional(SurveyResult),
  deviceResult: v.optional(SurveyResult),
});
export type SurveyCaseData = v.InferOutput<typeof SurveyCaseData>;
