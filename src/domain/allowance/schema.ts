// Input of the monthly-allowance question: one person's facts in one benefit month.
import * as v from 'valibot';
import {
  CountSchema,
  DisabilityLevelSchema,
  HouseholdPovertySchema,
  IsoDateSchema,
  IsoMonthSchema,
  ProvinceSchema,
  VndSchema,
} from '../common/schema-parts';

/** What happened to a parent, for the 11 situations of Art. 5(1) (prison includes reform school and rehab). */
export const ParentStatusSchema = v.picklist(['present', 'dead', 'missing', 'in-facility', 'in-prison']);

export const ChildRaisedSchema = v.object({
  dateOfBirth: IsoDateSchema,
  /** Studying as in Art. 5(2) (general, vocational, college, first university degree). */
  studying: v.exactOptional(v.boolean()),
});

export const AllowancePersonSchema = v.object({
  dateOfBirth: IsoDateSchema,
  householdPoverty: HouseholdPovertySchema,
  disability: v.exactOptional(v.object({ level: DisabilityLevelSchema, certifiedOn: v.exactOptional(IsoDateSchema) })),
  hiv: v.exactOptional(v.boolean()),
  orphan: v.exactOptional(
    v.object({
      abandonedNotAdopted: v.exactOptional(v.boolean()),
      father: v.exactOptional(ParentStatusSchema),
      mother: v.exactOptional(ParentStatusSchema),
    }),
  ),
  /** Was receiving the allowance under Art. 5(1) before turning 16 (needed for 5(2)). */
  wasOrphanBeneficiary: v.exactOptional(v.boolean()),
  studying: v.exactOptional(
    v.object({
      level: v.picklist([
        'general',
        'vocational',
        'secondary-vocational',
        'college',
        'university-first-degree',
        'university-further-degree',
      ]),
      courseEndMonth: v.exactOptional(IsoMonthSchema),
    }),
  ),
  /** Direct answer; otherwise looked up from communeCode / village in the province's DTTS & MN ĐBKK list. */
  livesInSpecialDifficultyArea: v.exactOptional(v.boolean()),
  communeCode: v.exactOptional(v.string()),
  village: v.exactOptional(v.string()),
  income: v.exactOptional(
    v.object({
      pension: v.exactOptional(v.boolean()),
      socialInsuranceMonthly: v.exactOptional(v.boolean()),
      otherMonthlySocialAllowance: v.exactOptional(v.boolean()),
      /** Monthly pension or social-insurance amount, to compare with the social pension. */
      pensionAmount: v.exactOptional(VndSchema),
      /** Wages, salary or other stable monthly income (Art. 5(8)). */
      stableMonthlyIncome: v.exactOptional(v.boolean()),
    }),
  ),
  maritalStatus: v.exactOptional(v.picklist(['never-married', 'married', 'divorced', 'widowed', 'spouse-missing'])),
  children: v.exactOptional(v.array(ChildRaisedSchema)),
  /** Art. 5(5)(a): someone obliged and able to support them; 'on-monthly-allowance' if that person is a beneficiary. */
  supporter: v.exactOptional(v.picklist(['none', 'on-monthly-allowance', 'available'])),
  /** Art. 5(5)(d): cannot live alone in the community, eligible for a facility, but someone takes them in. */
  eligibleForFacilityButTakenIn: v.exactOptional(v.boolean()),
  /** Art. 20: a household or individual has taken the person in (nhận chăm sóc, nuôi dưỡng). */
  takenInByHousehold: v.exactOptional(v.boolean()),
  /** Art. 20: the person's own household directly cares for them (especially severe disability). */
  caredForByOwnHousehold: v.exactOptional(v.boolean()),
  pregnant: v.exactOptional(v.boolean()),
  /** Art. 20: when both spouses have a disability, only one care payment. */
  spouseReceivesPwdCareAllowance: v.exactOptional(v.boolean()),
  deceasedOn: v.exactOptional(IsoDateSchema),
});

export const AllowanceQuestionSchema = v.object({
  question: v.literal('allowance'),
  benefitMonth: IsoMonthSchema,
  province: v.exactOptional(ProvinceSchema),
  /** Month the commune chairman signed (or will sign) the decision, for the start month. */
  decisionMonth: v.exactOptional(IsoMonthSchema),
  person: AllowancePersonSchema,
  /** Number of months to look ahead for the next change of category or stop (default 360). */
  horizonMonths: v.exactOptional(v.pipe(CountSchema, v.maxValue(1200))),
});

export type AllowanceQuestion = v.InferOutput<typeof AllowanceQuestionSchema>;
export type AllowancePerson = v.InferOutput<typeof AllowancePersonSchema>;
export type ParentStatus = v.InferOutput<typeof ParentStatusSchema>;
