/**
 * @module The allowance application as the collaborator fills it in (issue 12): a draft of what is typed, filled
 * from the registry where the registry knows (the member, the household, its approved survey), made into the
 * shared AllowanceApplication and its `sensitive` part, and checked with the schema the server checks it with.
 * Dates are typed dd/mm/yyyy and amounts "1.234.567"; nothing typed is dropped, the schema says what is wrong.
 */
import * as v from 'valibot';
import {
  ALLOWANCE_FORMS,
  APPLICATION_PAPERS,
  AllowanceApplication,
  AllowanceFacts,
  AllowanceSensitive,
  type AllowanceForm,
} from '../../shared/records/allowance';
import type { MemberFields } from '../../shared/records/member';
import type { SurveyResult } from '../../shared/records/survey';
import { proposeAllowance, type Paper, type Proposal } from '../../shared/allowance-proposal';
import { formatVnDate, vnDateForCheck } from '../dates';
import { formatEditable, parseQuantity } from '../format';
import { FORM_DETAILS, benefitIssues, benefitsOf, detailsOf, type BenefitKey, type DetailKey } from './form-details';

/** What is typed, as typed. The case id is chosen when the draft starts, so photos can name it before sending. */
export interface AllowanceDraft {
  caseId: string;
  form: AllowanceForm;
  filedOn: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | '';
  ethnicity: string;
  citizenId: string;
  citizenIdIssuedOn: string;
  citizenIdIssuedBy: string;
  residence: string;
  livesWith: string;
  hasHealthInsurance: boolean;
  householdPoverty: 'poor' | 'near-poor' | 'none' | '';
  disabilityLevel: 'none' | 'mild' | 'severe' | 'especially-severe';
  disabilityCertificateNo: string;
  disabilityCertifiedOn: string;
  disabilityIssuer: string;
  /** The monthly pension or social insurance, typed ("1.500.000"), for form 1d. */
  pensionAmount: string;
  facts: AllowanceFacts;
  /** Form 1b only; kept in the case's `sensitive` field. */
  hiv: boolean;
  hivDetectedOn: string;
  /** Someone filing for the person (người khai thay); left empty, there is none. */
  proxyName: string;
  proxyRelation: string;
  proxyCitizenId: string;
  /** Forms 2a/2b/03: who cares for the person, and that household's monthly income ("1.500.000"). */
  carerName: string;
  carerRelation: string;
  carerCitizenId: string;
  carerIncome: string;
  /** Form 1c: the household members the person raises (their dates of birth go to the engine). */
  childIds: string[];
  /** The form's own questions and the benefits received, as typed (form-details.ts). */
  details: Record<string, string>;
  papers: Paper[];
  photos: string[];
  /** The fields filled from the registry, shown as such and not asked again unless corrected. */
  fromRegistry: DraftKey[];
  /** The papers say otherwise than the registry: every field is asked. */
  correcting: boolean;
}
export type DraftKey = Exclude<
  keyof AllowanceDraft,
  'caseId' | 'facts' | 'papers' | 'photos' | 'fromRegistry' | 'details'
>;
/** Where a problem is shown: a field of the draft, or one of the form's own questions. */
export type IssueKey = DraftKey | DetailKey | BenefitKey;

type Sensitive = v.InferOutput<typeof AllowanceSensitive>;

const text = v.string();
/** A stored draft read back: anything else (an older shape, damage) starts a new one. */
export const AllowanceDraftSchema = v.object({
  caseId: v.pipe(v.string(), v.uuid()),
  form: v.picklist(ALLOWANCE_FORMS),
  filedOn: text,
  fullName: text,
  birthDate: text,
  sex: v.picklist(['male', 'female', '']),
  ethnicity: text,
  citizenId: text,
  citizenIdIssuedOn: text,
  citizenIdIssuedBy: text,
  residence: text,
  livesWith: text,
  hasHealthInsurance: v.boolean(),
  householdPoverty: v.picklist(['poor', 'near-poor', 'none', '']),
  disabilityLevel: v.picklist(['none', 'mild', 'severe', 'especially-severe']),
  disabilityCertificateNo: text,
  disabilityCertifiedOn: text,
  disabilityIssuer: text,
  pensionAmount: text,
  facts: AllowanceFacts,
  hiv: v.boolean(),
  hivDetectedOn: text,
  proxyName: v.optional(text, ''),
  proxyRelation: v.optional(text, ''),
  proxyCitizenId: v.optional(text, ''),
  carerName: v.optional(text, ''),
  carerRelation: v.optional(text, ''),
  carerCitizenId: v.optional(text, ''),
  carerIncome: v.optional(text, ''),
  childIds: v.optional(v.array(v.string()), []),
  details: v.optional(v.record(v.string(), v.string()), {}),
  papers: v.array(v.picklist(APPLICATION_PAPERS)),
  photos: v.array(v.string()),
  fromRegistry: v.array(v.string()),
  correcting: v.boolean(),
});

/** The form a person most likely files, from what the registry says (the collaborator can pick another). */
export function suggestForm(member: Pick<MemberFields, 'birthDate' | 'disability'>, today: string): AllowanceForm {
  if (member.disability === 'severe' || member.disability === 'especially-severe') return '1đ';
  const age = Number(today.slice(0, 4)) - Number(member.birthDate.slice(0, 4));
  if (age < 16) return '1a';
  return '1d';
}

/** The household's poverty as its latest approved survey says it; undefined when there is none. */
export function povertyOf(result: SurveyResult | undefined): 'poor' | 'near-poor' | 'none' | undefined {
  if (!result) return undefined;
  if (result.classification === 'poor' || result.classification === 'near-poor') return result.classification;
  if (result.classification === 'undetermined') return undefined;
  return 'none';
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A new application for a registered member, filled from the registry where it knows. */
export function prefillDraft(input: {
  caseId: string;
  member: MemberFields;
  household: { address: string; village: string };
  communeName: string;
  approvedSurvey: SurveyResult | undefined;
  today: string;
  form?: AllowanceForm;
}): AllowanceDraft {
  const { member, household } = input;
  const known: DraftKey[] = ['fullName', 'sex', 'ethnicity', 'residence', 'hasHealthInsurance'];
  // A year alone does not count an age in months: the full date is asked.
  if (FULL_DAY.test(member.birthDate)) known.push('birthDate');
  if (member.citizenId) known.push('citizenId');
  if (member.disability !== 'none') known.push('disabilityLevel');
  if (member.disabilityCertifiedOn && FULL_DAY.test(member.disabilityCertifiedOn)) known.push('disabilityCertifiedOn');
  const poverty = povertyOf(input.approvedSurvey);
  if (poverty) known.push('householdPoverty');
  const residence = [household.address, household.village, input.communeName].filter((p) => p.trim()).join(', ');
  return {
    caseId: input.caseId,
    form: input.form ?? suggestForm(member, input.today),
    filedOn: formatVnDate(input.today),
    fullName: member.fullName,
    birthDate: formatVnDate(member.birthDate),
    sex: member.sex,
    ethnicity: member.ethnicity,
    citizenId: member.citizenId ?? '',
    citizenIdIssuedOn: '',
    citizenIdIssuedBy: '',
    residence,
    livesWith: '',
    hasHealthInsurance: member.hasHealthInsurance,
    householdPoverty: poverty ?? '',
    disabilityLevel: member.disability,
    disabilityCertificateNo: '',
    disabilityCertifiedOn: formatVnDate(member.disabilityCertifiedOn),
    disabilityIssuer: '',
    pensionAmount: '',
    facts: member.hasPension ? { income: { pension: true } } : {},
    hiv: false,
    hivDetectedOn: '',
    proxyName: '',
    proxyRelation: '',
    proxyCitizenId: '',
    carerName: '',
    carerRelation: '',
    carerCitizenId: '',
    carerIncome: '',
    childIds: [],
    details: {},
    papers: [],
    photos: [],
    fromRegistry: known,
    correcting: false,
  };
}

const BENEFIT_KEYS: Readonly<Record<string, BenefitKey>> = {
  'social-protection': 'benefitSocialProtection',
  merit: 'benefitMerit',
  other: 'benefitOther',
};

/**
 * An application returned by the commune, as a draft to correct: every answer as it was sent, every field asked
 * (the papers may have said otherwise), the same case id so its photos stay its own. The children raised (form 1c)
 * are found again among the household's members by their dates of birth.
 */
export function draftFromApplication(input: {
  caseId: string;
  application: AllowanceApplication;
  sensitive: Sensitive | undefined;
  members: readonly (Pick<MemberFields, 'birthDate'> & { id: string })[];
}): AllowanceDraft {
  const { application: a, sensitive } = input;
  const p = a.applicant;
  const pension = a.currentBenefits.find((b) => b.kind === 'pension')?.amount ?? a.facts.income?.pensionAmount;
  const details: Record<string, string> = {};
  for (const [key, value] of Object.entries(a.details ?? {})) details[key] = String(value);
  for (const b of a.currentBenefits) {
    const key = BENEFIT_KEYS[b.kind];
    if (key) details[key] = formatEditable(b.amount, 'VND');
  }
  const born = new Set((a.facts.children ?? []).map((c) => c.dateOfBirth));
  const { pensionAmount: _kept, ...income } = a.facts.income ?? {};
  const facts: Facts = { ...a.facts };
  if (a.facts.income) facts.income = income;
  return {
    caseId: input.caseId,
    form: a.form,
    filedOn: formatVnDate(a.filedOn),
    fullName: p.fullName,
    birthDate: formatVnDate(p.birthDate),
    sex: p.sex,
    ethnicity: p.ethnicity,
    citizenId: p.citizenId ?? '',
    citizenIdIssuedOn: formatVnDate(p.citizenIdIssuedOn),
    citizenIdIssuedBy: p.citizenIdIssuedBy ?? '',
    residence: p.residence,
    livesWith: p.livesWith ?? '',
    hasHealthInsurance: p.hasHealthInsurance,
    householdPoverty: a.householdPoverty,
    disabilityLevel: a.disability?.level ?? 'none',
    disabilityCertificateNo: a.disability?.certificateNo ?? '',
    disabilityCertifiedOn: formatVnDate(a.disability?.certifiedOn),
    disabilityIssuer: a.disability?.issuer ?? '',
    pensionAmount: pension !== undefined ? formatEditable(pension, 'VND') : '',
    facts,
    hiv: sensitive?.hiv ?? false,
    hivDetectedOn: formatVnDate(sensitive?.hivDetectedOn),
    proxyName: a.proxy?.fullName ?? '',
    proxyRelation: a.proxy?.relation ?? '',
    proxyCitizenId: a.proxy?.citizenId ?? '',
    carerName: a.carer?.fullName ?? '',
    carerRelation: a.carer?.relation ?? '',
    carerCitizenId: a.carer?.citizenId ?? '',
    carerIncome: a.carer?.householdIncome !== undefined ? formatEditable(a.carer.householdIncome, 'VND') : '',
    childIds: input.members.filter((m) => born.has(m.birthDate)).map((m) => m.id),
    details,
    papers: [...a.papers],
    photos: [...a.photos],
    fromRegistry: [],
    correcting: true,
  };
}

/** Whether a field is asked (not known from the registry, or the papers say otherwise). */
export const isAsked = (draft: AllowanceDraft, key: DraftKey): boolean =>
  draft.correcting || !draft.fromRegistry.includes(key);

/** The engine's facts each form asks, besides the common fields (CASES.md §1.1, the forms' own questions). */
export type FactQuestion =
  | 'father'
  | 'mother'
  | 'abandonedNotAdopted'
  | 'wasOrphanBeneficiary'
  | 'studying'
  | 'livesInSpecialDifficultyArea'
  | 'maritalStatus'
  | 'supporter'
  | 'pension'
  | 'socialInsuranceMonthly'
  | 'stableMonthlyIncome'
  | 'eligibleForFacilityButTakenIn'
  | 'takenInByHousehold'
  | 'caredForByOwnHousehold'
  | 'pregnant'
  | 'spouseReceivesPwdCareAllowance';

export const FORM_FACTS: Readonly<Record<AllowanceForm, readonly FactQuestion[]>> = {
  '1a': ['father', 'mother', 'abandonedNotAdopted', 'wasOrphanBeneficiary', 'studying', 'livesInSpecialDifficultyArea'],
  '1b': ['stableMonthlyIncome', 'pension'],
  '1c': ['maritalStatus', 'stableMonthlyIncome'],
  '1d': [
    'maritalStatus',
    'supporter',
    'pension',
    'socialInsuranceMonthly',
    'livesInSpecialDifficultyArea',
    'eligibleForFacilityButTakenIn',
  ],
  '1đ': ['stableMonthlyIncome', 'pension', 'pregnant'],
  '2a': ['caredForByOwnHousehold', 'spouseReceivesPwdCareAllowance'],
  '2b': ['takenInByHousehold'],
  '03': ['takenInByHousehold', 'eligibleForFacilityButTakenIn'],
};

type Facts = AllowanceFacts;
type Income = NonNullable<Facts['income']>;
type Orphan = NonNullable<Facts['orphan']>;

/** Without the keys left unanswered: the engine's schema has no `undefined` values (exactOptional). */
function compact<T extends object>(o: T): T | undefined {
  const kept = Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
  return Object.keys(kept).length > 0 ? kept : undefined;
}
function withKey<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): T {
  const next = { ...o };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** One fact answered (or unanswered with `undefined`), in the engine's words. */
export function setFact(facts: Facts, question: FactQuestion, value: unknown): Facts {
  switch (question) {
    case 'father':
    case 'mother':
    case 'abandonedNotAdopted': {
      const orphan = compact(withKey<Orphan, typeof question>(facts.orphan ?? {}, question, value as never));
      return withKey(facts, 'orphan', orphan);
    }
    case 'pension':
    case 'socialInsuranceMonthly':
    case 'stableMonthlyIncome': {
      const income = compact(withKey<Income, typeof question>(facts.income ?? {}, question, value as never));
      return withKey(facts, 'income', income);
    }
    case 'studying':
      return withKey(facts, 'studying', value === undefined ? undefined : { level: value as never });
    default:
      return withKey(facts, question, value as never);
  }
}

/** A fact's answer, for the form's control. */
export function factValue(facts: Facts, question: FactQuestion): unknown {
  switch (question) {
    case 'father':
    case 'mother':
    case 'abandonedNotAdopted':
      return facts.orphan?.[question];
    case 'pension':
    case 'socialInsuranceMonthly':
    case 'stableMonthlyIncome':
      return facts.income?.[question];
    case 'studying':
      return facts.studying?.level;
    default:
      return facts[question];
  }
}

/** The household members a single parent may be raising: their children as the register records them. */
export function childCandidates<M extends Pick<MemberFields, 'relation' | 'status'> & { id: string }>(
  applicant: Pick<MemberFields, 'relation'> & { id: string },
  members: readonly M[],
): M[] {
  // Relations are to the household head: the head's (or the spouse's) children are "con".
  if (!['chủ hộ', 'vợ', 'chồng'].includes(applicant.relation)) return [];
  return members.filter((m) => m.id !== applicant.id && m.relation === 'con' && m.status === 'present');
}

/** The children chosen, in the engine's words: a full date of birth each (a year alone counts no age in months). */
export function withChildren(
  draft: AllowanceDraft,
  members: readonly (Pick<MemberFields, 'birthDate' | 'studying'> & { id: string })[],
  childIds: readonly string[],
): AllowanceDraft {
  const children = members
    .filter((m) => childIds.includes(m.id) && FULL_DAY.test(m.birthDate))
    .map((m) => ({ dateOfBirth: m.birthDate, ...(m.studying ? { studying: true } : {}) }));
  const facts = { ...draft.facts };
  if (children.length > 0) facts.children = children;
  else delete facts.children;
  return { ...draft, childIds: [...childIds], facts };
}

/** Facts of another form are not this form's answers: only the questions of the chosen form are kept. */
function factsOfForm(draft: AllowanceDraft, pensionAmount: number | undefined): Facts {
  let facts: Facts = {};
  for (const question of FORM_FACTS[draft.form]) {
    const value = factValue(draft.facts, question);
    if (value !== undefined) facts = setFact(facts, question, value);
  }
  if (draft.form === '1c' && draft.facts.children?.length) facts = { ...facts, children: draft.facts.children };
  if (pensionAmount !== undefined && facts.income?.pension)
    facts = { ...facts, income: { ...facts.income, pensionAmount } };
  return facts;
}

/** The papers a form may list: an HIV certificate only on form 1b, so no other form's data tells HIV status. */
export const papersOffered = (form: AllowanceForm): Paper[] =>
  APPLICATION_PAPERS.filter((p) => p !== 'hiv-certificate' || form === '1b');

/** The care forms, which name the carer (CASES.md §1.1). */
export const CARE_FORMS: ReadonlySet<AllowanceForm> = new Set(['2a', '2b', '03']);

const optionalText = (s: string) => (s.trim() ? s.trim() : undefined);
const optionalDay = (s: string) => (s.trim() ? vnDateForCheck(s) : undefined);

/** The application as the shared schema reads it, without judging it (the schema says what is wrong). */
export function buildApplication(draft: AllowanceDraft): {
  application: AllowanceApplication;
  sensitive?: Sensitive;
} {
  const pension = draft.pensionAmount.trim() ? parseQuantity(draft.pensionAmount, 'VND') : undefined;
  const pensionAmount = pension?.ok ? pension.value : undefined;
  const applicant = compact({
    fullName: draft.fullName.trim(),
    birthDate: vnDateForCheck(draft.birthDate),
    sex: draft.sex as 'male',
    ethnicity: draft.ethnicity as AllowanceApplication['applicant']['ethnicity'],
    citizenId: optionalText(draft.citizenId),
    citizenIdIssuedOn: optionalDay(draft.citizenIdIssuedOn),
    citizenIdIssuedBy: optionalText(draft.citizenIdIssuedBy),
    residence: draft.residence.trim(),
    livesWith: optionalText(draft.livesWith),
    hasHealthInsurance: draft.hasHealthInsurance,
  }) as AllowanceApplication['applicant'];
  const disability =
    draft.disabilityLevel === 'none' && !draft.disabilityCertificateNo.trim()
      ? undefined
      : compact({
          level: draft.disabilityLevel,
          certificateNo: optionalText(draft.disabilityCertificateNo),
          certifiedOn: optionalDay(draft.disabilityCertifiedOn),
          issuer: optionalText(draft.disabilityIssuer),
        });
  const proxy = draft.proxyName.trim()
    ? compact({
        fullName: draft.proxyName.trim(),
        relation: draft.proxyRelation.trim(),
        citizenId: optionalText(draft.proxyCitizenId),
      })
    : undefined;
  const details = detailsOf(draft.form, draft.details);
  const carerIncome = draft.carerIncome.trim() ? parseQuantity(draft.carerIncome, 'VND') : undefined;
  const carer =
    CARE_FORMS.has(draft.form) && draft.carerName.trim()
      ? compact({
          fullName: draft.carerName.trim(),
          relation: draft.carerRelation.trim(),
          citizenId: optionalText(draft.carerCitizenId),
          householdIncome: carerIncome?.ok ? carerIncome.value : undefined,
        })
      : undefined;
  const facts = factsOfForm(draft, pensionAmount);
  const application = {
    form: draft.form,
    filedOn: vnDateForCheck(draft.filedOn),
    applicant,
    householdPoverty: (draft.householdPoverty || 'none') as AllowanceApplication['householdPoverty'],
    currentBenefits: benefitsOf(draft.form, draft.details, facts.income?.pensionAmount),
    ...(details ? { details } : {}),
    ...(disability ? { disability } : {}),
    ...(proxy ? { proxy } : {}),
    ...(carer ? { carer } : {}),
    papers: papersOffered(draft.form).filter((p) => draft.papers.includes(p)),
    photos: draft.photos,
    facts,
  } as AllowanceApplication;
  // HIV status only on form 1b, and only in `sensitive`.
  const sensitive =
    draft.form === '1b' && draft.hiv
      ? (compact({ hiv: true, hivDetectedOn: optionalDay(draft.hivDetectedOn) }) as Sensitive)
      : undefined;
  return { application, ...(sensitive ? { sensitive } : {}) };
}

/** Where a problem of the schema is shown: the draft field it came from. */
const FIELD_OF: Readonly<Record<string, DraftKey>> = {
  'applicant.fullName': 'fullName',
  'applicant.birthDate': 'birthDate',
  'applicant.sex': 'sex',
  'applicant.ethnicity': 'ethnicity',
  'applicant.citizenId': 'citizenId',
  'applicant.citizenIdIssuedOn': 'citizenIdIssuedOn',
  'applicant.citizenIdIssuedBy': 'citizenIdIssuedBy',
  'applicant.residence': 'residence',
  'applicant.livesWith': 'livesWith',
  'disability.certificateNo': 'disabilityCertificateNo',
  'disability.certifiedOn': 'disabilityCertifiedOn',
  'disability.issuer': 'disabilityIssuer',
  filedOn: 'filedOn',
  householdPoverty: 'householdPoverty',
  hivDetectedOn: 'hivDetectedOn',
  'proxy.fullName': 'proxyName',
  'proxy.relation': 'proxyRelation',
  'proxy.citizenId': 'proxyCitizenId',
  'carer.fullName': 'carerName',
  'carer.relation': 'carerRelation',
  'carer.citizenId': 'carerCitizenId',
  'carer.householdIncome': 'carerIncome',
};

const detailAt = (path: string): DetailKey | undefined => {
  const key = path.startsWith('details.') ? path.slice('details.'.length) : undefined;
  return key && Object.values(FORM_DETAILS).some((keys) => keys.includes(key as DetailKey))
    ? (key as DetailKey)
    : undefined;
};

export type ApplicationCheck =
  | { ok: true; application: AllowanceApplication; sensitive?: Sensitive }
  | { ok: false; issues: Partial<Record<IssueKey, string>> };

/** The application checked with the server's schema; each problem (a message code) at its field. */
export function checkApplication(draft: AllowanceDraft): ApplicationCheck {
  const built = buildApplication(draft);
  const issues: Partial<Record<IssueKey, string>> = benefitIssues(draft.form, draft.details);
  const parsed = v.safeParse(AllowanceApplication, built.application);
  if (!parsed.success)
    for (const issue of parsed.issues) {
      const path = v.getDotPath(issue) ?? '';
      const key = FIELD_OF[path] ?? detailAt(path) ?? 'form';
      issues[key] ??= issue.message;
    }
  if (built.sensitive) {
    const sensitive = v.safeParse(AllowanceSensitive, built.sensitive);
    if (!sensitive.success) issues.hivDetectedOn ??= sensitive.issues[0].message;
  }
  if (draft.pensionAmount.trim()) {
    const pension = parseQuantity(draft.pensionAmount, 'VND');
    if (!pension.ok) issues.pensionAmount = pension.message;
  }
  if (CARE_FORMS.has(draft.form) && draft.carerIncome.trim()) {
    const income = parseQuantity(draft.carerIncome, 'VND');
    if (!income.ok) issues.carerIncome = income.message;
  }
  if (Object.keys(issues).length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, application: parsed.output, ...(built.sensitive ? { sensitive: built.sensitive } : {}) };
}

/** The engine's proposal for the application as it stands, for the month it would start. */
export function liveProposal(draft: AllowanceDraft, communeCode: string, month: string): Proposal | undefined {
  const { application, sensitive } = buildApplication(draft);
  try {
    return proposeAllowance(application, sensitive, communeCode, month);
  } catch {
    // A date the engine cannot read yet (31/02 typed): no proposal until it is right.
    return undefined;
  }
}
