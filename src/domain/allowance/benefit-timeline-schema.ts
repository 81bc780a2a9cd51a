// Input of a person's benefit timeline: their dated decisions and events, months already paid, and the range.
import * as v from 'valibot';
import { IsoDateSchema, IsoMonthSchema, ProvinceSchema, VndSchema } from '../common/schema-parts';
import { ALLOWANCE_CATEGORY_CODES, CARE_ALLOWANCE_CODES } from '../packs/types';

/** A category of Art. 5, or the social pension (Decree 176/2025) when the person has a decision for it. */
export const BenefitCodeSchema = v.picklist([...ALLOWANCE_CATEGORY_CODES, 'social-pension']);

export const DecisionKindSchema = v.picklist(['grant', 'adjust', 'stop', 'suspend', 'resume', 'move-out', 'move-in']);

export const BenefitDecisionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  kind: DecisionKindSchema,
  signedOn: IsoDateSchema,
  /** First month the decision changes what is paid. */
  effectiveMonth: IsoMonthSchema,
  /** The person's own category (grant, adjust, move-in). */
  categoryCode: v.exactOptional(BenefitCodeSchema),
  /** A care support of Art. 20 (a separate line, paid to the carer). */
  careCode: v.exactOptional(v.picklist(CARE_ALLOWANCE_CODES)),
  coefficient: v.exactOptional(v.pipe(v.number(), v.minValue(0), v.maxValue(20))),
  /** Monthly VND as decided: when given, it is paid instead of M × coefficient. */
  amount: v.exactOptional(VndSchema),
  clause: v.exactOptional(v.string()),
  reason: v.exactOptional(v.string()),
  /** adjust / stop / suspend / resume: the grant it applies to (its id); otherwise every line, or the care line. */
  of: v.exactOptional(v.string()),
  /** resume: the suspended months are paid as arrears (Circular 02/2021 Art. 6(1)(b)). */
  withArrears: v.exactOptional(v.boolean()),
  /** The commune that pays under this decision (move-out / move-in). */
  commune: v.exactOptional(v.string()),
});

export const BenefitEventSchema = v.object({
  kind: v.picklist(['death', 'collected', 'not-collected']),
  on: IsoDateSchema,
  /** collected / not-collected: the benefit month (default: the month of `on`). */
  month: v.exactOptional(IsoMonthSchema),
});

/** A month already paid: the month (paid in full) or the month and the amount paid. */
export const PaidMonthSchema = v.union([IsoMonthSchema, v.object({ month: IsoMonthSchema, amount: VndSchema })]);

const MAX_MONTHS = 1200;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

export const BenefitTimelineEntries = {
  decisions: v.array(BenefitDecisionSchema),
  events: v.optional(v.array(BenefitEventSchema), []),
  paidMonths: v.optional(v.array(PaidMonthSchema), []),
  /** Arrears are months due up to this month and not paid (default: `to`). */
  asOfMonth: v.exactOptional(IsoMonthSchema),
  from: IsoMonthSchema,
  to: IsoMonthSchema,
  province: v.exactOptional(ProvinceSchema),
};

const rangeOk = (i: { from: string; to: string }) =>
  i.from <= i.to && monthIndex(i.to) - monthIndex(i.from) < MAX_MONTHS;
const RANGE_MESSAGE = `from must be on or before to, at most ${MAX_MONTHS} months`;

export const BenefitTimelineInputSchema = v.pipe(
  v.object(BenefitTimelineEntries),
  v.forward(
    v.check((i) => rangeOk(i), RANGE_MESSAGE),
    ['to'],
  ),
);

/** The same input as a rules-engine question (`"question": "timeline"`), for the CLI and endpoints. */
export const TimelineQuestionSchema = v.pipe(
  v.object({ question: v.literal('timeline'), ...BenefitTimelineEntries }),
  v.forward(
    v.check((i) => rangeOk(i), RANGE_MESSAGE),
    ['to'],
  ),
);

export type BenefitCode = v.InferOutput<typeof BenefitCodeSchema>;
export type BenefitDecision = v.InferOutput<typeof BenefitDecisionSchema>;
export type BenefitEvent = v.InferOutput<typeof BenefitEventSchema>;
export type PaidMonth = v.InferOutput<typeof PaidMonthSchema>;
/** What the function takes: `events` and `paidMonths` may be left out. */
export type BenefitTimelineInput = v.InferInput<typeof BenefitTimelineInputSchema>;
export type TimelineQuestion = v.InferOutput<typeof TimelineQuestionSchema>;
