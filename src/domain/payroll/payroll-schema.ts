// Input of a commune's payroll month (issue 13, CASES.md §2): its beneficiaries with their dated decisions and
// events (the benefit timeline's), who they are paid through, and the earlier lists with what each line covered
// and what the payer returned — all the payroll needs to say who is paid how much, and why, for the month.
import * as v from 'valibot';
import { IsoMonthSchema, ProvinceSchema } from '../common/schema-parts';
import { BenefitDecisionSchema, BenefitEventSchema } from '../allowance/benefit-timeline-schema';
import { CARE_ALLOWANCE_CODES } from '../packs/types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** How the payer pays (Decree 20/2021 Art. 34; Dispatch 5234: an account of the person or of someone authorised). */
export const PayeeSchema = v.object({
  method: v.picklist(['cash', 'bank', 'e-wallet']),
  /** The bank, e-wallet or post-office point. */
  provider: v.exactOptional(text(120)),
  account: v.exactOptional(text(40)),
  /** Someone authorised to receive it (người được ủy quyền). */
  receiver: v.exactOptional(v.object({ fullName: text(120), relation: v.exactOptional(text(60)) })),
});

export const PayrollBeneficiarySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  fullName: text(120),
  birthYear: v.exactOptional(v.pipe(v.string(), v.regex(/^\d{4}$/))),
  village: v.exactOptional(text(120)),
  citizenId: v.exactOptional(v.pipe(v.string(), v.regex(/^\d{12}$/))),
  decisions: v.pipe(v.array(BenefitDecisionSchema), v.maxLength(200)),
  events: v.optional(v.pipe(v.array(BenefitEventSchema), v.maxLength(400)), []),
  payee: v.exactOptional(PayeeSchema),
});

/** What one line of an earlier list paid, benefit month by benefit month (a one-off under its kind). */
export const CoveredSchema = v.object({
  month: IsoMonthSchema,
  amount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.exactOptional(v.literal('burial')),
});

export const ListedLineSchema = v.object({
  beneficiaryId: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  line: v.picklist(['allowance', 'care']),
  careCode: v.exactOptional(v.picklist(CARE_ALLOWANCE_CODES)),
  covers: v.array(CoveredSchema),
  /** The payer's return for the line: absent while the list is being paid. */
  returned: v.exactOptional(v.picklist(['paid', 'unpaid'])),
});

export const EarlierListSchema = v.object({ month: IsoMonthSchema, lines: v.array(ListedLineSchema) });

export const PayrollEntries = {
  commune: v.pipe(v.string(), v.regex(/^\d{5}$/)),
  /** The month the list pays (made before the 25th of the month before, Art. 34). */
  month: IsoMonthSchema,
  province: v.exactOptional(ProvinceSchema),
  /**
   * The first month the commune's lists are made here: what was due before it was settled outside the app. The
   * months from it on that no earlier list covered are arrears (truy lĩnh). Default: `month`.
   */
  listsSince: v.exactOptional(IsoMonthSchema),
  beneficiaries: v.pipe(v.array(PayrollBeneficiarySchema), v.maxLength(200_000)),
  earlierLists: v.optional(v.array(EarlierListSchema), []),
};

export const PayrollInputSchema = v.object(PayrollEntries);
/** The same input as a rules-engine question (`"question": "payroll"`), for the CLI. */
export const PayrollQuestionSchema = v.object({ question: v.literal('payroll'), ...PayrollEntries });

export type Payee = v.InferOutput<typeof PayeeSchema>;
export type PayrollBeneficiary = v.InferInput<typeof PayrollBeneficiarySchema>;
export type ListedLine = v.InferOutput<typeof ListedLineSchema>;
export type EarlierList = v.InferOutput<typeof EarlierListSchema>;
export type PayrollInput = v.InferInput<typeof PayrollInputSchema>;
export type PayrollQuestion = v.InferOutput<typeof PayrollQuestionSchema>;
