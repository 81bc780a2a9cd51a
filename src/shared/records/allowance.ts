/**
 * @module A monthly-allowance application (hồ sơ đề nghị trợ cấp xã hội hằng tháng, Decree 20/2021 Art. 7–8) as
 * kept in an allowance case's `data`, and the commune's steps on it: the ID checked against the population
 * database, the public posting, the chairman's decision or written refusal (CASES.md §1.1–1.2).
 *
 * What the engine needs from the person is asked once, in `facts`, in the engine's own words (the rules engine's
 * AllowancePersonSchema), so the device's live proposal and the server's recomputation read the same answers.
 * HIV status is not here: it is the case's `sensitive` field, sent only to the commune officer and above.
 */
import * as v from 'valibot';
import { AllowancePersonSchema } from '../../domain/allowance/schema';
import { Sha256Hex } from '../attachments';
import { CitizenId, IsoDay, PartialDate, required, trimmed } from '../fields';
import { encodeMessage, type FieldLabel } from '../messages';
import { ETHNIC_GROUP_CODES } from '../reference/ethnic-groups';

/** The forms of Decree 20/2021 (CASES.md §1.1): 1a–1đ a person's own allowance, 2a/2b/03 care and nurture. */
export const ALLOWANCE_FORMS = ['1a', '1b', '1c', '1d', '1đ', '2a', '2b', '03'] as const;
export type AllowanceForm = (typeof ALLOWANCE_FORMS)[number];

/** Papers shown at filing (Art. 8(1)(a)); the officer ticks those seen, photos are attachments. */
export const APPLICATION_PAPERS = [
  'residence',
  'citizen-id',
  'birth-certificate',
  'hiv-certificate',
  'pregnancy-certificate',
  'disability-certificate',
] as const;

export const Money = v.pipe(
  v.number(encodeMessage('field.money')),
  v.integer(encodeMessage('field.moneyInteger')),
  v.minValue(0, encodeMessage('field.notNegative')),
  v.maxValue(1_000_000_000, encodeMessage('field.atMost', { max: 1_000_000_000 })),
);
export const IsoMonth = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, encodeMessage('field.month')),
  v.check((m) => Number(m.slice(0, 4)) >= 1900, encodeMessage('field.month')),
);

/** A benefit the person already receives, with its amount and first month (the forms' "chế độ đang hưởng"). */
export const CurrentBenefit = v.object({
  kind: v.picklist(['pension', 'social-protection', 'merit', 'other']),
  amount: Money,
  fromMonth: v.optional(IsoMonth),
});

/** The facts of Art. 5 the registry does not hold, in the rules engine's words. */
export const AllowanceFacts = v.pick(AllowancePersonSchema, [
  'orphan',
  'wasOrphanBeneficiary',
  'studying',
  'livesInSpecialDifficultyArea',
  'income',
  'maritalStatus',
  'children',
  'supporter',
  'eligibleForFacilityButTakenIn',
  'takenInByHousehold',
  'caredForByOwnHousehold',
  'pregnant',
  'spouseReceivesPwdCareAllowance',
]);
export type AllowanceFacts = v.InferOutput<typeof AllowanceFacts>;

/**
 * What a form asks that the rules engine does not read (CASES.md §1.1, form-specific fields), for the dossier and
 * the chairman: 1a schooling and the parents' benefits; 1b and 1đ the ability to work; 1đ working, self-care and
 * the current carer; 1d the legal supporter; 2a disabled members and the house; 2b the carer's background.
 */
const CHOOSE = encodeMessage('field.choose');
export const FormDetails = v.object({
  schooling: v.optional(trimmed(300, 'notes')),
  parents: v.optional(trimmed(300, 'notes')),
  ableToWork: v.optional(v.picklist(['yes', 'partly', 'no'], CHOOSE)),
  working: v.optional(v.picklist(['yes', 'no'], CHOOSE)),
  selfCare: v.optional(v.picklist(['self', 'partly', 'unable'], CHOOSE)),
  currentCarer: v.optional(trimmed(200, 'notes')),
  supporter: v.optional(trimmed(300, 'notes')),
  disabledMembers: v.optional(
    v.pipe(
      v.number(encodeMessage('field.integer')),
      v.integer(encodeMessage('field.integer')),
      v.minValue(0, encodeMessage('field.notNegative')),
      v.maxValue(30, encodeMessage('field.atMost', { max: 30 })),
    ),
  ),
  houseType: v.optional(v.picklist(['solid', 'semi-solid', 'makeshift'], CHOOSE)),
  carerBackground: v.optional(trimmed(500, 'notes')),
});
export type FormDetails = v.InferOutput<typeof FormDetails>;

export const AllowanceApplication = v.object({
  form: v.picklist(ALLOWANCE_FORMS, encodeMessage('allowance.form')),
  /** The day the commune received the dossier: the deadlines count from it. */
  filedOn: IsoDay,
  /** Copied from the registry at filing and corrected here where the papers say otherwise. */
  applicant: v.object({
    fullName: v.pipe(required(120, 'fullName'), v.minLength(2, encodeMessage('member.fullName'))),
    birthDate: PartialDate,
    sex: v.picklist(['male', 'female'], encodeMessage('member.sex')),
    ethnicity: v.picklist(ETHNIC_GROUP_CODES, encodeMessage('member.ethnicity')),
    citizenId: v.optional(CitizenId),
    citizenIdIssuedOn: v.optional(IsoDay),
    citizenIdIssuedBy: v.optional(trimmed(120, 'issuedBy')),
    /** Nơi thường trú (the forms still say "hộ khẩu"). */
    residence: trimmed(300, 'address'),
    livesWith: v.optional(trimmed(300, 'livesWith')),
    hasHealthInsurance: v.boolean(),
  }),
  householdPoverty: v.picklist(['poor', 'near-poor', 'none']),
  currentBenefits: v.pipe(v.array(CurrentBenefit), v.maxLength(6)),
  disability: v.optional(
    v.object({
      level: v.picklist(['none', 'mild', 'severe', 'especially-severe']),
      certificateNo: v.optional(trimmed(40, 'certificateNo')),
      certifiedOn: v.optional(IsoDay),
      issuer: v.optional(trimmed(120, 'issuedBy')),
    }),
  ),
  /** Someone filing for the person (người khai thay). */
  proxy: v.optional(
    v.object({
      fullName: required(120, 'fullName'),
      relation: trimmed(60, 'relation'),
      citizenId: v.optional(CitizenId),
    }),
  ),
  /** Forms 2a/2b/03: the household or person who cares for the applicant. */
  carer: v.optional(
    v.object({
      fullName: required(120, 'fullName'),
      relation: trimmed(60, 'relation'),
      citizenId: v.optional(CitizenId),
      householdIncome: v.optional(Money),
    }),
  ),
  details: v.optional(FormDetails),
  papers: v.pipe(v.array(v.picklist(APPLICATION_PAPERS)), v.maxLength(APPLICATION_PAPERS.length)),
  /** Photos of the papers, by content hash (src/shared/attachments.ts). */
  photos: v.pipe(v.array(Sha256Hex), v.maxLength(12)),
  facts: AllowanceFacts,
});
export type AllowanceApplication = v.InferOutput<typeof AllowanceApplication>;

/** The case's sensitive field: only where the category needs it (form 1b), never in lists, postings or terms. */
export const AllowanceSensitive = v.object({
  hiv: v.boolean(),
  hivDetectedOn: v.optional(PartialDate),
});

/** The CCCD checked by hand against the National Population Database (the link itself is out of reach). */
export const IdCheck = v.object({
  checkedOn: IsoDay,
  result: v.picklist(['matches', 'differs']),
  note: v.optional(trimmed(500, 'notes')),
});

/** What a decision or refusal is missing, in the officer's words (valibot would say "Invalid key: Expected…"). */
const PAPER_LABELS: Readonly<Record<string, FieldLabel>> = {
  number: 'decisionNumber',
  signedOn: 'signedOn',
  signer: 'signer',
  reasons: 'reason',
};
const missingFromPaper = (issue: v.BaseIssue<unknown>) => {
  const key = issue.path?.at(-1)?.key;
  const label = typeof key === 'string' ? PAPER_LABELS[key] : undefined;
  return label ? encodeMessage('field.required', { label }) : encodeMessage('json.notObject');
};

/** The chairman's decision (Decree 147/2025 Art. 5(1)): what the officer records from the signed paper. */
export const AllowanceDecision = v.object(
  {
    // A missing number or date is said in the officer's words, not valibot's ("Invalid type…").
    number: v.pipe(
      v.string(encodeMessage('field.required', { label: 'decisionNumber' })),
      required(40, 'decisionNumber'),
    ),
    signedOn: v.pipe(v.string(encodeMessage('field.required', { label: 'signedOn' })), IsoDay),
    signer: required(120, 'signer'),
    categoryCode: v.pipe(v.string(), v.maxLength(60)),
    coefficient: v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
    amount: Money,
    startMonth: IsoMonth,
    /** Why the decision differs from what the rules engine gives (a provincial top-up, a court decision…). */
    overrideReason: v.optional(trimmed(500, 'reason')),
    /** The clause of Art. 5 of the category ("5(5)(a)"), written by the server from the rule pack. */
    clause: v.optional(v.pipe(v.string(), v.maxLength(20))),
  },
  missingFromPaper,
);
export type AllowanceDecision = v.InferOutput<typeof AllowanceDecision>;

/** A written refusal, with its reasons (Decree 147/2025: a refusal is answered in writing). */
export const AllowanceRefusal = v.object(
  {
    number: v.optional(trimmed(40, 'decisionNumber')),
    signedOn: IsoDay,
    signer: required(120, 'signer'),
    reasons: required(1000, 'reason'),
  },
  missingFromPaper,
);
