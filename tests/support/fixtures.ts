/** Small builders for tests: records, mutations, contexts. */
import { randomUUID } from 'node:crypto';
import type { HouseholdFields } from '../../src/shared/records/household';
import type { MemberFields } from '../../src/shared/records/member';
import type { AllowanceApplication } from '../../src/shared/records/allowance';
import { SCHEMA_VERSION, type MutationOp } from '../../src/shared/protocol';
import type { Role } from '../../src/shared/roles';

export const LY_SON = '21548';
export const BA_TO = '21484';

export function householdFields(overrides: Partial<HouseholdFields> = {}): HouseholdFields {
  return {
    headName: 'Nguyễn Văn Đức',
    communeCode: LY_SON,
    village: 'Thôn Đông An Vĩnh',
    address: 'Tổ 2',
    area: 'rural',
    notes: '',
    ...overrides,
  };
}

let stampCounter = 0;
export function mutation(seq: number, op: MutationOp, schema = SCHEMA_VERSION) {
  stampCounter += 1;
  return {
    seq,
    id: randomUUID(),
    schema,
    at: 1_700_000_000_000 + seq,
    stamp: `1700000000000-${String(stampCounter).padStart(4, '0')}-test`,
    op,
  };
}

/** A patch of an editable record: each field with the version the user saw. */
export function patchMutation(
  seq: number,
  id: string,
  fields: Record<string, unknown>,
  base = 0,
  type: 'household' | 'member' | 'case' = 'household',
) {
  const patch = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, [v, base] as [unknown, number]]),
  );
  return mutation(seq, { kind: 'patch', type, id, fields: patch });
}

let households = 0;
/** A new household as one mutation; each in its own village unless told, so none looks like a duplicate of another. */
export function createMutation(seq: number, overrides: Partial<HouseholdFields> = {}, id: string = randomUUID()) {
  households += 1;
  return patchMutation(seq, id, { ...householdFields({ village: `Thôn Số ${households}`, ...overrides }) });
}

/** A village on Lý Sơn's demo list (sync-server/src/seed/demo.ts): a server seeded with it refuses any other. */
export const DEMO_VILLAGE = 'Thôn Đông An Vĩnh';

/** A new household for a server seeded with the demo: in a village of its list. */
export function demoHousehold(seq: number, overrides: Partial<HouseholdFields> = {}, id: string = randomUUID()) {
  return createMutation(seq, { village: DEMO_VILLAGE, ...overrides }, id);
}

export function distributionData(householdId: string, overrides: Record<string, unknown> = {}) {
  return {
    communeCode: LY_SON,
    householdId,
    roundId: 'lu-thang-10',
    item: 'rice',
    itemName: 'Gạo',
    quantity: 15,
    unit: 'kg',
    recipientName: 'Nguyễn Văn Đức',
    handedOutAt: 1_749_000_000_000, // before pushContext().now: a handout dated in the future is refused
    // A handout has a receipt or the reason there is none (issue 11); tests with a receipt give it.
    noReceiptReason: 'Người nhận không ký được',
    ...overrides,
  };
}

export function pushContext(
  overrides: Partial<{ userId: string; role: Role; scope: Set<string>; clientId: string; now: number }> = {},
) {
  return {
    userId: 'u1',
    role: 'collaborator' as Role,
    scope: new Set([LY_SON]),
    clientId: randomUUID(),
    now: 1_750_000_000_000,
    ...overrides,
  };
}

export function memberFields(householdId: string, overrides: Partial<MemberFields> = {}): MemberFields {
  return {
    householdId,
    communeCode: LY_SON,
    fullName: 'Nguyễn Thị Bé',
    sex: 'female',
    birthDate: '2015-05-20',
    relation: 'con',
    ethnicity: '01',
    disability: 'none',
    hasHealthInsurance: true,
    schooling: 'primary',
    studying: true,
    occupation: 'student',
    hasPension: false,
    status: 'present',
    ...overrides,
  };
}

/** Answers of a household poverty survey that the rules engine classifies (src/shared/records/survey.ts). */
export function surveyAnswers(overrides: Record<string, unknown> = {}) {
  return {
    period: 'annual',
    reviewDate: '2025-06-01',
    incomeMode: 'household',
    householdIncome: 3_000_000,
    floorAreaM2: 40,
    nonDurableStructures: 0,
    waterSource: 'piped',
    latrine: 'septic',
    usesTelecom: true,
    hasInformationDevice: true,
    wasteCollectedOrTreated: true,
    malnourished: [],
    behindInSchool: [],
    ...overrides,
  };
}

/** A survey case about `householdId`, as a device sends it. */
export function surveyCaseFields(householdId: string, data: Record<string, unknown> = { answers: surveyAnswers() }) {
  return { communeCode: LY_SON, kind: 'survey', subjectId: householdId, note: '', data };
}

/** An emergency of the commune, as the officer records it. */
export function emergencyFields(communeCode = LY_SON) {
  return { communeCode, type: 'flood', date: '2025-06-01', villages: ['Thôn Đông'], description: '' };
}

/** A damage entry of an emergency; without `householdId` it is a household not registered yet (followUp). */
export function damageFields(emergencyId: string, overrides: Record<string, unknown> = {}) {
  return {
    communeCode: LY_SON,
    emergencyId,
    headName: 'Hộ Nguyễn Văn Mới',
    village: 'Thôn Đông',
    followUp: true,
    members: 3,
    status: 'other',
    hungryMembers: 3,
    deaths: 0,
    missing: 0,
    deadMonthlyBeneficiaries: 0,
    injuredDays: [],
    houseLost: false,
    hasOtherHome: false,
    relocationOrdered: false,
    severeDamage: false,
    childrenWithoutParents: 0,
    assessedOn: '2025-06-02',
    ...overrides,
  };
}

/** An allowance application (form 1d): a poor woman of 82 with no supporter, all papers seen (issue 12). */
/**
 * An application filed before pushContext()'s clock (15/06/2025), for tests that push one with that clock: one filed
 * after the server's today is refused as a typing slip (records/kinds.ts, the case's dated fields).
 */
export const applicationFiledBeforeContext = (overrides: Partial<AllowanceApplication> = {}) =>
  allowanceApplication({ filedOn: '2025-06-02', ...overrides });

export function allowanceApplication(overrides: Partial<AllowanceApplication> = {}): AllowanceApplication {
  return {
    form: '1d',
    filedOn: '2026-03-02',
    applicant: {
      fullName: 'Nguyễn Thị Hoa',
      birthDate: '1944-05-10',
      sex: 'female',
      ethnicity: '01',
      citizenId: '051144000123',
      residence: 'Thôn Đông An Vĩnh, xã Lý Sơn',
      hasHealthInsurance: true,
    },
    householdPoverty: 'poor',
    currentBenefits: [],
    papers: ['residence', 'citizen-id'],
    photos: [],
    facts: { maritalStatus: 'widowed', supporter: 'none', income: { pension: false } },
    ...overrides,
  };
}
