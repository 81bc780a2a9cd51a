// Input of the emergency-support question: an event and one household's situation after it.
import * as v from 'valibot';
import { CountSchema, IsoDateSchema, ProvinceSchema } from '../common/schema-parts';

export const EventTypeSchema = v.picklist([
  'tet',
  'natural-disaster',
  'fire',
  'crop-failure',
  'lean-season',
  'epidemic',
  'traffic-accident',
  'serious-work-accident',
  'force-majeure',
]);

export const EmergencyQuestionSchema = v.object({
  question: v.literal('emergency'),
  province: v.exactOptional(ProvinceSchema),
  event: v.object({ type: EventTypeSchema, date: IsoDateSchema }),
  household: v.pipe(
    v.object({
      members: v.pipe(CountSchema, v.minValue(1)),
      status: v.picklist(['poor', 'near-poor', 'difficult-circumstances', 'other']),
      /** Members lacking food (Art. 12(1)). */
      hungryMembers: v.exactOptional(CountSchema),
      /** Months of food shortage the village meeting found (capped by the rule: 1 at Tết, 3 otherwise). */
      foodShortageMonths: v.exactOptional(v.pipe(CountSchema, v.minValue(1))),
      /** Lost their home and cannot meet basic needs (Art. 12(2)). */
      lostHomeBasicNeeds: v.exactOptional(v.boolean()),
      deaths: v.exactOptional(
        v.array(
          v.object({
            missing: v.exactOptional(v.boolean()),
            /** Died or went missing because of the event (default true). */
            causedByEvent: v.exactOptional(v.boolean()),
            wasMonthlyBeneficiary: v.exactOptional(v.boolean()),
          }),
        ),
      ),
      injured: v.exactOptional(
        v.array(
          v.object({
            treatmentDays: CountSchema,
            /** Injured at the place of residence (default true); otherwise the chairman where treated decides. */
            atPlaceOfResidence: v.exactOptional(v.boolean()),
          }),
        ),
      ),
      house: v.exactOptional(
        v.object({
          collapsedSweptAwayOrBurnt: v.exactOptional(v.boolean()),
          /** Has another place to live (default false). */
          hasOtherHome: v.exactOptional(v.boolean()),
          relocationOrdered: v.exactOptional(v.boolean()),
          severelyDamagedUninhabitable: v.exactOptional(v.boolean()),
        }),
      ),
      childrenWithoutBothParents: v.exactOptional(
        v.array(v.object({ hasRelatives: v.boolean(), careDays: v.exactOptional(CountSchema) })),
      ),
      /** The main worker died or is missing, or the main means of production was lost (Art. 17(1)). */
      livelihoodLost: v.exactOptional(v.boolean()),
    }),
    v.forward(
      v.check(
        (h) => h.hungryMembers === undefined || h.hungryMembers <= h.members,
        'hungryMembers cannot exceed members',
      ),
      ['hungryMembers'],
    ),
  ),
  /** Especially urgent or serious: the commune chairman decides without the review step (Art. 17(2)). */
  especiallyUrgent: v.exactOptional(v.boolean()),
});

export type EmergencyQuestion = v.InferOutput<typeof EmergencyQuestionSchema>;
