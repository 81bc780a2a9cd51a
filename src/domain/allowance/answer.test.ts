import { describe, expect, it } from 'vitest';
import { answerAllowance } from './answer';
import type { AllowancePerson } from './schema';

const poor = (dob: string, extra: Partial<AllowancePerson> = {}): AllowancePerson => ({
  dateOfBirth: dob,
  householdPoverty: 'poor',
  ...extra,
});
const orphan: Partial<AllowancePerson> = { orphan: { father: 'dead', mother: 'dead' } };
const ask = (
  benefitMonth: string,
  person: AllowancePerson,
  extra: { province?: string; decisionMonth?: string } = {},
) => answerAllowance({ question: 'allowance', benefitMonth, person, ...extra });

describe('monthly social allowance: categories, coefficients and age boundaries (NĐ 20/2021 Art. 5–6)', () => {
  it.each<[string, string, AllowancePerson, string[], number]>([
    ['Art. 5(1) + 6: orphan under 4 → 2.5', '2025-03', poor('2022-06-01', orphan), ['orphan-under-4'], 2.5],
    [
      'Art. 5(1) + 6: month of the 4th birthday still 2.5 (new lower level from the next month)',
      '2026-05',
      poor('2022-05-15', orphan),
      ['orphan-under-4'],
      2.5,
    ],
    [
      'Art. 5(1) + 6: month after the 4th birthday → 1.5',
      '2026-06',
      poor('2022-05-15', orphan),
      ['orphan-4-to-16'],
      1.5,
    ],
    [
      'Art. 5(1)(a): abandoned, not adopted, aged 10 → 1.5',
      '2025-03',
      poor('2015-01-01', { orphan: { abandonedNotAdopted: true } }),
      ['orphan-4-to-16'],
      1.5,
    ],
    [
      'Art. 5(1)(k): one parent missing and the other in prison → 1.5',
      '2025-03',
      poor('2015-01-01', { orphan: { father: 'missing', mother: 'in-prison' } }),
      ['orphan-4-to-16'],
      1.5,
    ],
    [
      'Art. 5(1): one parent present is not a no-support situation → nothing',
      '2025-03',
      poor('2015-01-01', { orphan: { father: 'dead', mother: 'present' } }),
      [],
      0,
    ],
    [
      'Art. 5(1): month of the 16th birthday still paid',
      '2026-03',
      poor('2010-03-10', orphan),
      ['orphan-4-to-16'],
      1.5,
    ],
    [
      'Art. 5(1) + 8(2): month after the 16th birthday, not studying → stops',
      '2026-04',
      poor('2010-03-10', orphan),
      [],
      0,
    ],
    [
      'Art. 5(2): turned 16, studying, formerly under 5(1) → 1.5',
      '2026-04',
      poor('2010-03-10', { ...orphan, wasOrphanBeneficiary: true, studying: { level: 'general' } }),
      ['orphan-studying-16-to-22'],
      1.5,
    ],
    [
      'Art. 5(2): month of the 22nd birthday still paid',
      '2026-09',
      poor('2004-09-10', { wasOrphanBeneficiary: true, studying: { level: 'university-first-degree' } }),
      ['orphan-studying-16-to-22'],
      1.5,
    ],
    [
      'Art. 5(2): month after the 22nd birthday → stops even if still studying',
      '2026-10',
      poor('2004-09-10', { wasOrphanBeneficiary: true, studying: { level: 'university-first-degree' } }),
      [],
      0,
    ],
    [
      'Art. 5(2): after the course ends → stops',
      '2026-07',
      poor('2006-01-10', { wasOrphanBeneficiary: true, studying: { level: 'college', courseEndMonth: '2026-06' } }),
      [],
      0,
    ],
    [
      'Art. 5(2): a second university degree does not count',
      '2026-07',
      poor('2005-01-10', { wasOrphanBeneficiary: true, studying: { level: 'university-further-degree' } }),
      [],
      0,
    ],
    [
      'Art. 5(3) + 6: child with HIV under 4 in a poor household → 2.5',
      '2025-03',
      poor('2023-01-01', { hiv: true }),
      ['hiv-child-under-4'],
      2.5,
    ],
    [
      'Art. 5(3) + 6: child with HIV aged 4–16 → 2.0',
      '2025-03',
      poor('2015-01-01', { hiv: true }),
      ['hiv-child-4-to-16'],
      2.0,
    ],
    [
      'Art. 5(3): child with HIV in a near-poor household → nothing',
      '2025-03',
      { dateOfBirth: '2015-01-01', householdPoverty: 'near-poor', hiv: true },
      [],
      0,
    ],
    [
      'Art. 5(4) + 6: poor single parent with 2 children under 16 → 1.0 × 2',
      '2025-03',
      poor('1990-01-01', {
        maritalStatus: 'divorced',
        children: [{ dateOfBirth: '2015-01-01' }, { dateOfBirth: '2018-01-01' }],
      }),
      ['single-parent-per-child'],
      2.0,
    ],
    [
      'Art. 5(4): a child of 17 counts only while studying',
      '2025-03',
      poor('1980-01-01', {
        maritalStatus: 'widowed',
        children: [{ dateOfBirth: '2008-01-01', studying: true }, { dateOfBirth: '2007-06-01' }],
      }),
      ['single-parent-per-child'],
      1.0,
    ],
    [
      'Art. 5(4): near-poor single parent qualifies',
      '2025-03',
      {
        dateOfBirth: '1990-01-01',
        householdPoverty: 'near-poor',
        maritalStatus: 'never-married',
        children: [{ dateOfBirth: '2020-01-01' }],
      },
      ['single-parent-per-child'],
      1.0,
    ],
    [
      'Art. 5(4): a married parent → nothing',
      '2025-03',
      poor('1990-01-01', { maritalStatus: 'married', children: [{ dateOfBirth: '2020-01-01' }] }),
      [],
      0,
    ],
    [
      'Art. 5(5)(a): month before the 60th birthday → nothing',
      '2026-07',
      poor('1966-08-20', { supporter: 'none' }),
      [],
      0,
    ],
    [
      'Art. 5(5)(a) + 6: from the month of the 60th birthday → 1.5',
      '2026-08',
      poor('1966-08-20', { supporter: 'none' }),
      ['elderly-poor-no-supporter-60-to-80'],
      1.5,
    ],
    [
      'Art. 5(5)(a): supporter on the monthly allowance still counts as no supporter',
      '2026-08',
      poor('1950-01-01', { supporter: 'on-monthly-allowance' }),
      ['elderly-poor-no-supporter-60-to-80'],
      1.5,
    ],
    [
      'Art. 5(5)(a): month before the 80th birthday → 1.5',
      '2026-04',
      poor('1946-05-20', { supporter: 'none' }),
      ['elderly-poor-no-supporter-60-to-80'],
      1.5,
    ],
    [
      'Art. 5(5)(a) + 6: month of the 80th birthday → 2.0',
      '2026-05',
      poor('1946-05-20', { supporter: 'none' }),
      ['elderly-poor-no-supporter-80-plus'],
      2.0,
    ],
    [
      'Art. 5(5)(a): an available supporter → nothing (aged 65)',
      '2026-05',
      poor('1961-01-01', { supporter: 'available' }),
      [],
      0,
    ],
    [
      'Art. 5(5)(b): month before the 75th birthday, DTTS area → nothing',
      '2026-02',
      { dateOfBirth: '1951-03-05', householdPoverty: 'near-poor', livesInSpecialDifficultyArea: true },
      [],
      0,
    ],
    [
      'Art. 5(5)(b) + 6: month of the 75th birthday, near-poor, DTTS area → 1.0',
      '2026-03',
      { dateOfBirth: '1951-03-05', householdPoverty: 'near-poor', livesInSpecialDifficultyArea: true },
      ['elderly-75-to-80-ethnic-area'],
      1.0,
    ],
    [
      'Art. 5(5)(b): 76, near-poor, outside the DTTS area → nothing',
      '2026-03',
      { dateOfBirth: '1950-01-05', householdPoverty: 'near-poor', livesInSpecialDifficultyArea: false },
      [],
      0,
    ],
    [
      'Art. 5(5)(c): month before the 80th birthday, no pension → nothing',
      '2026-10',
      { dateOfBirth: '1946-11-02', householdPoverty: 'none' },
      [],
      0,
    ],
    [
      'Art. 5(5)(c) + 6: month of the 80th birthday, no pension → 1.0',
      '2026-11',
      { dateOfBirth: '1946-11-02', householdPoverty: 'none' },
      ['elderly-80-plus-no-pension'],
      1.0,
    ],
    [
      'Art. 5(5)(c): 85 with a pension → nothing',
      '2026-11',
      { dateOfBirth: '1941-01-02', householdPoverty: 'none', income: { pension: true } },
      [],
      0,
    ],
    [
      'Art. 5(5)(d) + 6: elderly taken in by the community instead of a facility → 3.0',
      '2026-03',
      poor('1950-01-01', { supporter: 'none', eligibleForFacilityButTakenIn: true }),
      ['elderly-taken-in-community'],
      3.0,
    ],
    [
      'Art. 5(6) + 6: adult with an especially severe disability → 2.0',
      '2025-03',
      {
        dateOfBirth: '1990-01-01',
        householdPoverty: 'none',
        disability: { level: 'especially-severe', certifiedOn: '2020-01-01' },
      },
      ['disability-especially-severe'],
      2.0,
    ],
    [
      'Art. 5(6) + 6: child with an especially severe disability → 2.5',
      '2025-03',
      { dateOfBirth: '2015-01-01', householdPoverty: 'none', disability: { level: 'especially-severe' } },
      ['disability-especially-severe-child-or-elderly'],
      2.5,
    ],
    [
      'Art. 5(6) + 6: adult with a severe disability → 1.5',
      '2025-03',
      { dateOfBirth: '1990-01-01', householdPoverty: 'none', disability: { level: 'severe' } },
      ['disability-severe'],
      1.5,
    ],
    [
      'Art. 5(6) + 6: child with a severe disability → 2.0',
      '2025-03',
      { dateOfBirth: '2012-01-01', householdPoverty: 'none', disability: { level: 'severe' } },
      ['disability-severe-child-or-elderly'],
      2.0,
    ],
    [
      'Art. 5(6): month of the 16th birthday a severe-disability child keeps 2.0',
      '2026-03',
      { dateOfBirth: '2010-03-10', householdPoverty: 'none', disability: { level: 'severe' } },
      ['disability-severe-child-or-elderly'],
      2.0,
    ],
    [
      'Art. 5(6): month after the 16th birthday → adult rate 1.5',
      '2026-04',
      { dateOfBirth: '2010-03-10', householdPoverty: 'none', disability: { level: 'severe' } },
      ['disability-severe'],
      1.5,
    ],
    [
      'Art. 5(6): from the month of the 60th birthday → elderly rate 2.5 (especially severe)',
      '2026-08',
      { dateOfBirth: '1966-08-20', householdPoverty: 'none', disability: { level: 'especially-severe' } },
      ['disability-especially-severe-child-or-elderly'],
      2.5,
    ],
    [
      'Art. 5(6): a mild disability gives nothing',
      '2025-03',
      { dateOfBirth: '1990-01-01', householdPoverty: 'poor', disability: { level: 'mild' } },
      [],
      0,
    ],
    [
      'Art. 5(6) + 8(1)(đ): before the certificate month → nothing',
      '2025-02',
      {
        dateOfBirth: '1990-01-01',
        householdPoverty: 'none',
        disability: { level: 'severe', certifiedOn: '2025-03-20' },
      },
      [],
      0,
    ],
    [
      'Art. 5(7) + 6: child under 3, poor, DTTS area → 1.5',
      '2026-04',
      poor('2023-05-15', { livesInSpecialDifficultyArea: true }),
      ['child-under-3-ethnic-area'],
      1.5,
    ],
    [
      'Art. 5(7): month of the 3rd birthday still paid',
      '2026-05',
      poor('2023-05-15', { livesInSpecialDifficultyArea: true }),
      ['child-under-3-ethnic-area'],
      1.5,
    ],
    [
      'Art. 5(7) + 8(2): month after the 3rd birthday → stops',
      '2026-06',
      poor('2023-05-15', { livesInSpecialDifficultyArea: true }),
      [],
      0,
    ],
    [
      'Art. 5(7): a child under 3 covered by 5(1) is paid under 5(1) (2.5), not 5(7)',
      '2026-04',
      poor('2024-05-15', { ...orphan, livesInSpecialDifficultyArea: true }),
      ['orphan-under-4'],
      2.5,
    ],
    [
      'Art. 5(8) + 6: adult with HIV, poor, no stable income → 1.5',
      '2025-03',
      poor('1985-01-01', { hiv: true, income: { stableMonthlyIncome: false } }),
      ['hiv-adult-poor'],
      1.5,
    ],
    [
      'Art. 5(8): adult with HIV and a stable income → nothing',
      '2025-03',
      poor('1985-01-01', { hiv: true, income: { stableMonthlyIncome: true } }),
      [],
      0,
    ],
  ])('%s', (_name, month, person, paidCodes, coefficient) => {
    const a = ask(month, person);
    expect(a.paid.lines.map((l) => l.code)).toEqual(paidCodes);
    expect(a.paid.totalCoefficient).toBe(coefficient);
    expect(a.paid.amount).toBe(Math.round(a.standardLevel.amount * coefficient));
  });
});

describe('monthly amount = M(date, province) × coefficient', () => {
  const esdChild = {
    dateOfBirth: '2015-01-01',
    householdPoverty: 'none',
    disability: { level: 'especially-severe' },
  } as const;
  it.each<[string, string, string | undefined, number, boolean]>([
    ['Art. 4(2) NĐ 20/2021: June 2024 at 360,000 → 900,000', '2024-06', undefined, 900_000, false],
    ['Art. 4(2) as amended by NĐ 76/2024: July 2024 at 500,000 → 1,250,000', '2024-07', undefined, 1_250_000, false],
    ['NĐ 76/2024: June 2026 still 500,000 → 1,250,000', '2026-06', undefined, 1_250_000, false],
    ['NĐ 335/2026 [U]: July 2026 at 540,000 → 1,350,000, provisional', '2026-07', undefined, 1_350_000, true],
    ['Art. 4(3) NĐ 20/2021: Hà Nội local M 650,000 in 2026 → 1,625,000', '2026-03', 'ha-noi', 1_625_000, false],
  ])('%s', (_name, month, province, amount, provisional) => {
    const a = ask(month, esdChild, province ? { province } : {});
    expect(a.paid.amount).toBe(amount);
    expect(a.provisional).toBe(provisional);
  });
});

describe('highest-only rule and its single-parent exception (Art. 6(2) NĐ 20/2021)', () => {
  it('Art. 6(2): an elderly person (80+, poor, no supporter) with an especially severe disability gets only the highest (2.5)', () => {
    const a = ask('2025-03', poor('1940-01-01', { supporter: 'none', disability: { level: 'especially-severe' } }));
    // 5(5)(c) is excluded: the person is already under 5(5)(a).
    expect(a.qualifying.map((q) => q.code)).toEqual([
      'elderly-poor-no-supporter-80-plus',
      'disability-especially-severe-child-or-elderly',
    ]);
    expect(a.paid.basis).toBe('highest-only');
    expect(a.paid.lines.map((l) => l.code)).toEqual(['disability-especially-severe-child-or-elderly']);
    expect(a.paid.amount).toBe(1_250_000);
  });

  it('Art. 6(2) exception: a poor single parent with a severe disability gets both (1.0 × 2 children + 1.5)', () => {
    const a = ask(
      '2025-03',
      poor('1990-01-01', {
        maritalStatus: 'widowed',
        disability: { level: 'severe' },
        children: [{ dateOfBirth: '2015-01-01' }, { dateOfBirth: '2019-01-01' }],
      }),
    );
    expect(a.paid.basis).toBe('single-parent-exception');
    expect(a.paid.coefficients).toEqual([2, 1.5]);
    expect(a.paid.amount).toBe(1_750_000);
  });

  it('Art. 6(2) exception: a poor single parent living with HIV gets both (1.0 + 1.5)', () => {
    const a = ask(
      '2025-03',
      poor('1990-01-01', {
        maritalStatus: 'never-married',
        hiv: true,
        income: { stableMonthlyIncome: false },
        children: [{ dateOfBirth: '2020-01-01' }],
      }),
    );
    expect(a.paid.basis).toBe('single-parent-exception');
    expect(a.paid.amount).toBe(1_250_000);
  });

  it('Art. 6(2): the exception does not cover 5(2): a 20-year-old student single parent gets the higher of 5(2) (1.5) and 5(4) (1.0)', () => {
    const a = ask(
      '2025-03',
      poor('2005-01-01', {
        wasOrphanBeneficiary: true,
        studying: { level: 'college' },
        maritalStatus: 'never-married',
        children: [{ dateOfBirth: '2024-01-01' }],
      }),
    );
    expect(a.paid.basis).toBe('highest-only');
    expect(a.paid.lines.map((l) => l.code)).toEqual(['orphan-studying-16-to-22']);
  });
});

describe('social pension of Decree 176/2025 taken into account (one payment, the higher)', () => {
  it('NĐ 176/2025: aged 76, no pension, no allowance category → social pension 500,000 (Aug 2025)', () => {
    const a = ask('2025-08', { dateOfBirth: '1949-01-01', householdPoverty: 'none' });
    expect(a.paid.amount).toBe(0);
    expect(a.payment).toEqual({ source: 'social-pension', amount: 500_000 });
    expect(a.decidedBy?.action).toBe('social-pension');
  });
  it('NĐ 176/2025: before 1/7/2025 there is no social pension', () => {
    expect(ask('2025-06', { dateOfBirth: '1949-01-01', householdPoverty: 'none' }).socialPension).toBeNull();
  });
  it('NĐ 176/2025: aged 72 in a near-poor household qualifies; aged 72 not poor does not', () => {
    expect(ask('2025-08', { dateOfBirth: '1953-01-01', householdPoverty: 'near-poor' }).socialPension?.eligible).toBe(
      true,
    );
    expect(ask('2025-08', { dateOfBirth: '1953-01-01', householdPoverty: 'none' }).socialPension?.eligible).toBe(false);
  });
  it('Art. 5(5)(a) NĐ 20/2021 vs NĐ 176/2025: 1.5 × 500,000 = 750,000 is higher than 500,000 → monthly allowance, flagged', () => {
    const a = ask('2025-08', poor('1948-01-01', { supporter: 'none' }));
    expect(a.socialPension?.eligible).toBe(true);
    expect(a.payment).toEqual({ source: 'monthly-allowance', amount: 750_000 });
    expect(a.provisional).toBe(true);
  });
  it('NĐ 176/2025: a pension below the social pension still qualifies', () => {
    const a = ask('2025-08', {
      dateOfBirth: '1945-01-01',
      householdPoverty: 'none',
      income: { pension: true, pensionAmount: 300_000 },
    });
    expect(a.socialPension?.eligible).toBe(true);
  });
});

describe('care and nurture support (Art. 20 NĐ 20/2021)', () => {
  const care = (person: AllowancePerson, month = '2025-03') => ask(month, person).care.map((c) => [c.code, c.amount]);
  it.each<[string, AllowancePerson, [string, number][]]>([
    [
      'Art. 20(1): household taking in a 5(1) child under 4 → 2.5 × M',
      poor('2023-01-01', { ...orphan, takenInByHousehold: true }),
      [['take-in-orphan-under-4', 1_250_000]],
    ],
    [
      'Art. 20(1): household taking in a 5(1) child aged 4–16 → 1.5 × M',
      poor('2015-01-01', { ...orphan, takenInByHousehold: true }),
      [['take-in-orphan-4-to-16', 750_000]],
    ],
    [
      'Art. 20(1): taking in a 5(5)(d) elderly person → 1.5 × M',
      poor('1950-01-01', { supporter: 'none', eligibleForFacilityButTakenIn: true }),
      [['take-in-elderly-5d', 750_000]],
    ],
    [
      'Art. 20(2): a mother with a severe disability raising one child under 36 months → 1.5 × M',
      {
        dateOfBirth: '1995-01-01',
        householdPoverty: 'none',
        disability: { level: 'severe' },
        children: [{ dateOfBirth: '2024-06-01' }],
      },
      [['pwd-pregnant-or-one-child-under-36-months', 750_000]],
    ],
    [
      'Art. 20(2): pregnant and raising a child under 36 months → 2.0 × M',
      {
        dateOfBirth: '1995-01-01',
        householdPoverty: 'none',
        disability: { level: 'especially-severe' },
        pregnant: true,
        children: [{ dateOfBirth: '2024-06-01' }],
      },
      [['pwd-pregnant-and-child-or-two-children-under-36-months', 1_000_000]],
    ],
    [
      'Art. 20(2): both spouses with a disability → only one care payment (spouse already paid)',
      {
        dateOfBirth: '1995-01-01',
        householdPoverty: 'none',
        disability: { level: 'severe' },
        pregnant: true,
        spouseReceivesPwdCareAllowance: true,
      },
      [],
    ],
    [
      'Art. 20(3): own household directly caring for a person with an especially severe disability → 1.0 × M',
      {
        dateOfBirth: '1990-01-01',
        householdPoverty: 'none',
        disability: { level: 'especially-severe' },
        caredForByOwnHousehold: true,
      },
      [['household-caring-especially-severe-pwd', 500_000]],
    ],
    [
      'Art. 20(4): taking in a child with an especially severe disability → 2.5 × M (highest of the take-in group)',
      {
        dateOfBirth: '2015-01-01',
        householdPoverty: 'poor',
        ...orphan,
        disability: { level: 'especially-severe' },
        takenInByHousehold: true,
      },
      [['take-in-especially-severe-pwd-child', 1_250_000]],
    ],
  ])('%s', (_name, person, expected) => {
    expect(care(person)).toEqual(expected);
  });
});

describe('start and stop months, who decides (Art. 8 NĐ 20/2021; NĐ 147/2025)', () => {
  it('Art. 8(2): a child under 3 (5(7)) stops from the month after the 3rd birthday', () => {
    const a = ask('2026-01', poor('2023-05-15', { livesInSpecialDifficultyArea: true }));
    expect(a.nextChange).toEqual({ month: '2026-06', kind: 'stop', paidCodes: [], totalCoefficient: 0 });
  });
  it('Art. 8(1)(đ): an orphan under 4 is adjusted to 1.5 from the month after the 4th birthday', () => {
    expect(ask('2026-01', poor('2022-05-15', orphan)).nextChange).toMatchObject({
      month: '2026-06',
      kind: 'change',
      totalCoefficient: 1.5,
    });
  });
  it('Art. 8(1)(đ): 5(5)(b) starts from the month of turning 75; disability from the certificate month', () => {
    const b = ask('2026-05', {
      dateOfBirth: '1951-03-05',
      householdPoverty: 'near-poor',
      livesInSpecialDifficultyArea: true,
    });
    expect(b.start).toEqual([expect.objectContaining({ code: 'elderly-75-to-80-ethnic-area', month: '2026-03' })]);
    const d = ask('2025-05', {
      dateOfBirth: '1990-01-01',
      householdPoverty: 'none',
      disability: { level: 'severe', certifiedOn: '2025-03-20' },
    });
    expect(d.start[0]?.month).toBe('2025-03');
  });
  it('Art. 8(1)(đ): other categories start from the decision month', () => {
    expect(
      ask('2025-05', poor('1950-01-01', { supporter: 'none' }), { decisionMonth: '2025-04' }).start[0]?.month,
    ).toBe('2025-04');
  });
  it('Art. 8 NĐ 20/2021 → NĐ 147/2025: district chairman decides in June 2025, commune chairman in July 2025', () => {
    const p = poor('1950-01-01', { supporter: 'none' });
    expect(ask('2025-06', p).decidedBy?.role).toBe('district-chairman');
    expect(ask('2025-07', p).decidedBy).toMatchObject({
      role: 'commune-chairman',
      who: { vi: 'Chủ tịch Ủy ban nhân dân cấp xã' },
    });
  });
  it('Art. 5(7): without a stated area and an empty provincial list, 5(7) is not granted and the answer is flagged', () => {
    const a = ask('2026-04', poor('2024-05-15', { communeCode: 'X-123' }));
    expect(a.paid.amount).toBe(0);
    expect(a.provisional).toBe(true);
  });
});
