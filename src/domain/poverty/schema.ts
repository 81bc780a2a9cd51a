// Input of the poverty-classification question. Every fact is optional: an indicator without its facts can be
// answered directly in `indicators`, and an indicator with neither is reported as unknown.
import * as v from 'valibot';
import { LATRINES, WATER_SOURCES } from '../../shared/records/survey';
import { CountSchema, DisabilityLevelSchema, IsoDateSchema, ProvinceSchema, VndSchema } from '../common/schema-parts';

const IndicatorCodeSchema = v.picklist([
  'employment',
  'dependents',
  'nutrition',
  'health-insurance',
  'adult-education',
  'child-schooling',
  'housing-quality',
  'housing-area',
  'water',
  'sanitation',
  'telecom',
  'information-devices',
  'waste-treatment',
]);

export const PovertyMemberSchema = v.object({
  dateOfBirth: IsoDateSchema,
  hasHealthInsurance: v.exactOptional(v.boolean()),
  employment: v.exactOptional(
    v.picklist(['stable', 'self-employed', 'unemployed', 'wage-without-contract', 'student', 'not-in-labour-force']),
  ),
  malnourished: v.exactOptional(v.boolean()),
  studying: v.exactOptional(v.boolean()),
  qualification: v.exactOptional(
    v.picklist(['none', 'primary', 'lower-secondary', 'upper-secondary', 'vocational', 'employer-certified']),
  ),
  atAgeAppropriateSchoolLevel: v.exactOptional(v.boolean()),
  /** Overrides the derived dependency (under 16, 60 or over, or a severe disability). */
  dependent: v.exactOptional(v.boolean()),
  disability: v.exactOptional(DisabilityLevelSchema),
});

export const PovertyQuestionSchema = v.pipe(
  v.object({
    question: v.literal('poverty'),
    reviewDate: IsoDateSchema,
    province: v.exactOptional(ProvinceSchema),
    area: v.picklist(['rural', 'urban']),
    income: v.pipe(
      v.object({
        perCapitaMonthly: v.exactOptional(VndSchema),
        householdMonthly: v.exactOptional(VndSchema),
        memberCount: v.exactOptional(v.pipe(CountSchema, v.minValue(1))),
      }),
      v.check(
        (i) => (i.perCapitaMonthly === undefined) !== (i.householdMonthly === undefined),
        'give exactly one of perCapitaMonthly or householdMonthly',
      ),
    ),
    members: v.exactOptional(v.array(PovertyMemberSchema)),
    household: v.exactOptional(
      v.object({
        floorAreaM2: v.exactOptional(v.pipe(v.number(), v.minValue(0))),
        nonDurableStructures: v.exactOptional(v.pipe(CountSchema, v.maxValue(3))),
        waterSource: v.exactOptional(v.picklist(WATER_SOURCES)),
        latrine: v.exactOptional(v.picklist(LATRINES)),
        usesTelecom: v.exactOptional(v.boolean()),
        hasInformationDevice: v.exactOptional(v.boolean()),
        wasteCollectedOrTreated: v.exactOptional(v.boolean()),
      }),
    ),
    /** Direct answers: true means the household is deprived on that indicator. */
    indicators: v.exactOptional(v.record(IndicatorCodeSchema, v.boolean())),
  }),
  v.forward(
    v.check(
      (q) =>
        q.income.householdMonthly === undefined || q.income.memberCount !== undefined || (q.members?.length ?? 0) > 0,
      'memberCount is needed with householdMonthly when no members are listed',
    ),
    ['income', 'memberCount'],
  ),
);

export type PovertyQuestion = v.InferOutput<typeof PovertyQuestionSchema>;
export type PovertyMember = v.InferOutput<typeof PovertyMemberSchema>;
export type PovertyHousehold = NonNullable<PovertyQuestion['household']>;
