import { describe, expect, it } from 'vitest';
import { answerEmergency } from './answer';
import type { EmergencyQuestion } from './schema';

type Household = EmergencyQuestion['household'];
type EventType = EmergencyQuestion['event']['type'];

const ask = (type: EventType, date: string, household: Partial<Household>, extra: Partial<EmergencyQuestion> = {}) =>
  answerEmergency({
    question: 'emergency',
    event: { type, date },
    household: { members: 4, status: 'poor', ...household },
    ...extra,
  });

const payable = (a: ReturnType<typeof ask>) => a.entitlements.filter((e) => e.payable).map((e) => [e.code, e.quantity]);

describe('emergency support, Decree 20/2021 Chapter III: amounts and units', () => {
  it.each<[string, EventType, string, Partial<Household>, [string, number | null][]]>([
    [
      'Art. 12(1)(a): Tết, 4 hungry members → 15 kg × 4 × 1 month = 60 kg',
      'tet',
      '2026-02-01',
      { hungryMembers: 4, foodShortageMonths: 3 },
      [['food-tet', 60]],
    ],
    ['Art. 12(1)(a): Tết with nobody lacking food → nothing', 'tet', '2026-02-01', { hungryMembers: 0 }, []],
    [
      'Art. 12(1)(b): disaster, 3 hungry, 5 months found → capped at 3 months = 135 kg',
      'natural-disaster',
      '2025-10-28',
      { hungryMembers: 3, foodShortageMonths: 5 },
      [['food-hardship', 135]],
    ],
    [
      'Art. 12(1)(b): crop failure, 2 hungry, 2 months → 60 kg',
      'crop-failure',
      '2025-04-01',
      { hungryMembers: 2, foodShortageMonths: 2 },
      [['food-hardship', 60]],
    ],
    [
      'Art. 12(1): a traffic accident gives no food support',
      'traffic-accident',
      '2025-04-01',
      { hungryMembers: 2 },
      [],
    ],
    [
      'Art. 12(2): lost the home → essential necessities in kind',
      'fire',
      '2025-04-01',
      { lostHomeBasicNeeds: true },
      [['essential-necessities', null]],
    ],
    [
      'Art. 13 + 2(2): injured, exactly 3 days of treatment → ≥ 10 × 500,000',
      'traffic-accident',
      '2025-04-01',
      { injured: [{ treatmentDays: 3 }] },
      [['injury', 5_000_000]],
    ],
    [
      'Art. 13 + 2(2): injured, 2 days of treatment is not a severe injury → nothing',
      'traffic-accident',
      '2025-04-01',
      { injured: [{ treatmentDays: 2 }] },
      [],
    ],
    [
      'Art. 13: injury support at 360,000 before 1/7/2024 → 3,600,000',
      'fire',
      '2024-06-30',
      { injured: [{ treatmentDays: 5 }] },
      [['injury', 3_600_000]],
    ],
    [
      'Art. 13 (NĐ 76/2024): from 1/7/2024 → 5,000,000',
      'fire',
      '2024-07-01',
      { injured: [{ treatmentDays: 5 }] },
      [['injury', 5_000_000]],
    ],
    [
      'Art. 13 (NĐ 335/2026 [U]): from 1/7/2026 → 5,400,000',
      'fire',
      '2026-07-01',
      { injured: [{ treatmentDays: 5 }] },
      [['injury', 5_400_000]],
    ],
    [
      'Art. 13: an epidemic is not a cause of injury support',
      'epidemic',
      '2025-04-01',
      { injured: [{ treatmentDays: 10 }] },
      [],
    ],
    [
      'Art. 14: 2 people dead or missing in a disaster → ≥ 50 × 500,000 × 2',
      'natural-disaster',
      '2025-10-28',
      { deaths: [{}, { missing: true }] },
      [['burial', 50_000_000]],
    ],
    [
      'Art. 14: a death in an epidemic → burial support 25,000,000',
      'epidemic',
      '2025-04-01',
      { deaths: [{}] },
      [['burial', 25_000_000]],
    ],
    [
      'Art. 14: a death not caused by the event → nothing',
      'natural-disaster',
      '2025-10-28',
      { deaths: [{ causedByEvent: false }] },
      [],
    ],
    [
      'Art. 15(1): poor household, house swept away, no other home → 40,000,000',
      'natural-disaster',
      '2025-10-28',
      { house: { collapsedSweptAwayOrBurnt: true } },
      [['house-lost', 40_000_000]],
    ],
    [
      'Art. 15(1): house burnt but the household is not poor, near-poor or in difficulty → nothing',
      'fire',
      '2025-10-28',
      { status: 'other', house: { collapsedSweptAwayOrBurnt: true } },
      [],
    ],
    [
      'Art. 15(1): house collapsed but the household has another home → nothing',
      'natural-disaster',
      '2025-10-28',
      { house: { collapsedSweptAwayOrBurnt: true, hasOtherHome: true } },
      [],
    ],
    [
      'Art. 15(2): relocation ordered, any household → 30,000,000',
      'natural-disaster',
      '2025-10-28',
      { status: 'other', house: { relocationOrdered: true } },
      [['house-relocation', 30_000_000]],
    ],
    [
      'Art. 15(3): near-poor household, house uninhabitable → 20,000,000',
      'natural-disaster',
      '2025-10-28',
      { status: 'near-poor', house: { severelyDamagedUninhabitable: true } },
      [['house-damaged', 20_000_000]],
    ],
    [
      'Art. 15(3): difficult-circumstance household, house uninhabitable → 20,000,000',
      'fire',
      '2025-10-28',
      { status: 'difficult-circumstances', house: { severelyDamagedUninhabitable: true } },
      [['house-damaged', 20_000_000]],
    ],
    [
      'Art. 15(3): house uninhabitable, household not poor → nothing',
      'natural-disaster',
      '2025-10-28',
      { status: 'other', house: { severelyDamagedUninhabitable: true } },
      [],
    ],
    [
      'Art. 15: house lost and relocation ordered → only the highest (40,000,000)',
      'natural-disaster',
      '2025-10-28',
      { house: { collapsedSweptAwayOrBurnt: true, relocationOrdered: true } },
      [['house-lost', 40_000_000]],
    ],
    [
      'Art. 16 + 18(2): child without both parents and no relatives → 60,000 × 90 days (3 months from 10/1)',
      'natural-disaster',
      '2025-01-10',
      { childrenWithoutBothParents: [{ hasRelatives: false }] },
      [['temporary-care', 5_400_000]],
    ],
    [
      'Art. 16 + 18(2): 30 days of care → 1,800,000',
      'natural-disaster',
      '2025-01-10',
      { childrenWithoutBothParents: [{ hasRelatives: false, careDays: 30 }] },
      [['temporary-care', 1_800_000]],
    ],
    [
      'Art. 16: a child with relatives to care for them → nothing',
      'natural-disaster',
      '2025-01-10',
      { childrenWithoutBothParents: [{ hasRelatives: true }] },
      [],
    ],
    [
      'Art. 11: a monthly beneficiary died (not from the event) → ≥ 20 × 500,000',
      'natural-disaster',
      '2025-10-28',
      { deaths: [{ causedByEvent: false, wasMonthlyBeneficiary: true }] },
      [['beneficiary-burial', 10_000_000]],
    ],
    [
      'Art. 11: a monthly beneficiary died in the lean season (Art. 14 does not cover it) → ≥ 20 × 500,000',
      'lean-season',
      '2025-04-01',
      { deaths: [{ wasMonthlyBeneficiary: true }] },
      [['beneficiary-burial', 10_000_000]],
    ],
    [
      'Art. 11: a monthly beneficiary died at Tết (Art. 14 does not cover it) → ≥ 20 × 540,000 [U]',
      'tet',
      '2027-02-06',
      { deaths: [{ wasMonthlyBeneficiary: true }] },
      [['beneficiary-burial', 10_800_000]],
    ],
    [
      'Art. 11 + 14: a monthly beneficiary who died in the disaster gets only the higher burial support (50 × M)',
      'natural-disaster',
      '2025-10-28',
      { deaths: [{ wasMonthlyBeneficiary: true }] },
      [['burial', 25_000_000]],
    ],
    [
      'Art. 17(1): the main worker died → job and production support per current regulations',
      'serious-work-accident',
      '2025-04-01',
      { livelihoodLost: true },
      [['livelihood', null]],
    ],
    ['Ch. III: a household with nothing to report gets nothing', 'natural-disaster', '2025-10-28', {}, []],
  ])('%s', (_name, type, date, household, expected) => {
    expect(payable(ask(type, date, household))).toEqual(expected);
  });
});

describe('emergency support: who decides and explanations', () => {
  it('Art. 14(3) NĐ 20/2021: burial decided by the district chairman within 3 working days before 1/7/2025', () => {
    const e = ask('natural-disaster', '2024-09-07', { deaths: [{}] }).entitlements.find((x) => x.code === 'burial');
    expect(e?.decidedBy).toMatchObject({
      role: 'district-chairman',
      deadline: { en: 'within 3 working days' },
      provisional: false,
    });
  });
  it('Art. 14(3) after the two-tier reform: commune chairman, provisional', () => {
    const a = ask('natural-disaster', '2025-10-28', { deaths: [{}] });
    expect(a.entitlements.find((x) => x.code === 'burial')?.decidedBy).toMatchObject({
      role: 'commune-chairman',
      provisional: true,
    });
    expect(a.provisional).toBe(true);
  });
  it('Art. 13(2): injury outside the place of residence is decided where the person is treated', () => {
    const before = ask('traffic-accident', '2025-03-01', {
      injured: [{ treatmentDays: 4, atPlaceOfResidence: false }],
    });
    expect(before.entitlements.find((x) => x.code === 'injury')?.decidedBy?.role).toBe('chairman-where-treated');
    const after = ask('traffic-accident', '2025-08-01', { injured: [{ treatmentDays: 4, atPlaceOfResidence: false }] });
    expect(after.entitlements.find((x) => x.code === 'injury')?.decidedBy).toMatchObject({
      role: 'commune-chairman-where-treated',
      provisional: true,
    });
  });
  it('Art. 12(3): food support decided by the commune chairman within 2 days; answer not provisional', () => {
    const a = ask('tet', '2026-02-01', { hungryMembers: 2 });
    expect(a.entitlements.find((x) => x.code === 'food-tet')?.decidedBy).toMatchObject({
      role: 'commune-chairman',
      deadline: { vi: 'trong 2 ngày' },
    });
    expect(a.provisional).toBe(false);
    expect(a.totals).toEqual({ riceKg: 30, vnd: 0 });
  });
  it('Art. 15: choosing the highest house support is flagged as an unconfirmed reading', () => {
    const a = ask('natural-disaster', '2025-10-28', {
      house: { collapsedSweptAwayOrBurnt: true, relocationOrdered: true },
    });
    const reloc = a.entitlements.find((x) => x.code === 'house-relocation');
    expect(reloc).toMatchObject({ eligible: true, payable: false });
    expect(a.provisional).toBe(true);
  });
  it('Art. 17(2): especially urgent cases note that the commune chairman decides without review', () => {
    const a = ask('fire', '2025-04-01', { hungryMembers: 1 }, { especiallyUrgent: true });
    expect(a.explanation.steps.some((s) => s.vi.includes('không qua bình xét'))).toBe(true);
  });
  it('Ch. III: totals add the money supports and the rice', () => {
    const a = ask('natural-disaster', '2025-10-28', {
      hungryMembers: 4,
      foodShortageMonths: 1,
      deaths: [{}],
      injured: [{ treatmentDays: 3 }],
      house: { collapsedSweptAwayOrBurnt: true },
    });
    expect(a.totals).toEqual({ riceKg: 60, vnd: 25_000_000 + 5_000_000 + 40_000_000 });
    expect(a.explanation.rules.map((r) => r.id)).toContain('M-2024');
  });
});
