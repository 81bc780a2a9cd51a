// Property tests (fast-check) over the three questions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerAllowance } from './allowance/answer';
import type { AllowancePerson } from './allowance/schema';
import { isInEffect } from './common/rule';
import { answerEmergency } from './emergency/answer';
import { NATIONAL_PACK } from './packs/national';
import { resolveRules } from './packs/resolve';
import { classifyPoverty, type PovertyClass } from './poverty/classify';
import type { PovertyQuestion } from './poverty/schema';
import { answer, type Answer } from './index';
import type { Question } from './schemas';

const RANK: Record<PovertyClass, number> = {
  poor: 0,
  'near-poor': 1,
  undetermined: 2,
  'average-living-standard': 2,
  none: 3,
};

const dateArb = (from: number, to: number) =>
  fc
    .record({
      y: fc.integer({ min: from, max: to }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const monthArb = dateArb(2021, 2028)
  .filter((d) => d >= '2021-07-01')
  .map((d) => d.slice(0, 7));

const povertyArb = fc.record({
  reviewDate: dateArb(2022, 2029),
  area: fc.constantFrom('rural' as const, 'urban' as const),
  income: fc.integer({ min: 0, max: 6_000_000 }),
  raise: fc.integer({ min: 0, max: 3_000_000 }),
  deprivations: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
});

const CODES = [
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
] as const;

const povertyQuestion = (
  p: { reviewDate: string; area: 'rural' | 'urban'; deprivations: boolean[] },
  income: number,
): PovertyQuestion => ({
  question: 'poverty',
  reviewDate: p.reviewDate,
  area: p.area,
  income: { perCapitaMonthly: income },
  indicators: Object.fromEntries(CODES.map((c, i) => [c, p.deprivations[i] ?? false])),
});

const personArb: fc.Arbitrary<AllowancePerson> = fc
  .record({
    dateOfBirth: dateArb(1930, 2027),
    householdPoverty: fc.constantFrom('poor' as const, 'near-poor' as const, 'none' as const),
    disability: fc.option(
      fc.record({ level: fc.constantFrom('especially-severe' as const, 'severe' as const, 'mild' as const) }),
      { nil: undefined },
    ),
    hiv: fc.boolean(),
    orphan: fc.option(
      fc.record({
        father: fc.constantFrom('present' as const, 'dead' as const, 'missing' as const, 'in-prison' as const),
        mother: fc.constantFrom('dead' as const, 'in-facility' as const),
      }),
      { nil: undefined },
    ),
    livesInSpecialDifficultyArea: fc.boolean(),
    maritalStatus: fc.constantFrom('married' as const, 'widowed' as const, 'never-married' as const),
    children: fc.array(fc.record({ dateOfBirth: dateArb(2004, 2027), studying: fc.boolean() }), { maxLength: 3 }),
    supporter: fc.constantFrom('none' as const, 'available' as const),
    takenInByHousehold: fc.boolean(),
    income: fc.record({ pension: fc.boolean(), stableMonthlyIncome: fc.boolean() }),
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as AllowancePerson);

describe('properties', () => {
  it('Art. 3 NĐ 07/2021 / NĐ 351/2025: raising income never makes a household poorer', () => {
    fc.assert(
      fc.property(povertyArb, (p) => {
        const low = classifyPoverty(povertyQuestion(p, p.income)).classification;
        const high = classifyPoverty(povertyQuestion(p, p.income + p.raise)).classification;
        expect(RANK[high]).toBeGreaterThanOrEqual(RANK[low]);
      }),
      { numRuns: 300 },
    );
  });

  it('Art. 6(1) NĐ 20/2021: the paid amount always equals M × the paid coefficient(s)', () => {
    fc.assert(
      fc.property(personArb, monthArb, fc.constantFrom('quang-ngai', 'ha-noi'), (person, month, province) => {
        const a = answerAllowance({ question: 'allowance', benefitMonth: month, person, province, horizonMonths: 24 });
        // M from the legal texts, not from the engine: Art. 4(2) NĐ 20/2021; NĐ 76/2024; NĐ 335/2026 [U]; Hà Nội (HN650).
        const M =
          province === 'ha-noi' && month >= '2026-01'
            ? 650_000
            : month >= '2026-07'
              ? 540_000
              : month >= '2024-07'
                ? 500_000
                : 360_000;
        expect(a.standardLevel.amount).toBe(M);
        // Every paid coefficient is one of Art. 6 (or 1.0 per child raised under 5(4)).
        for (const l of a.paid.lines) {
          expect(
            l.code === 'single-parent-per-child'
              ? l.coefficient === 1 && l.units >= 1
              : [1, 1.5, 2, 2.5, 3].includes(l.coefficient),
          ).toBe(true);
        }
        expect(a.paid.amount).toBe(a.paid.coefficients.reduce((s, c) => s + Math.round(a.standardLevel.amount * c), 0));
        expect(a.paid.totalCoefficient).toBe(a.paid.coefficients.reduce((s, c) => s + c, 0));
        // Highest-only: nobody is paid more than one category, except the single-parent exception (two).
        expect(a.paid.lines.length).toBeLessThanOrEqual(a.paid.basis === 'single-parent-exception' ? 2 : 1);
        for (const q of a.qualifying) {
          if (a.paid.basis !== 'single-parent-exception')
            expect(a.paid.totalCoefficient).toBeGreaterThanOrEqual(q.coefficient * q.units);
        }
      }),
      { numRuns: 200 },
    );
  });

  const questionArb: fc.Arbitrary<Question> = fc.oneof(
    povertyArb.map((p) => povertyQuestion(p, p.income)),
    fc
      .tuple(personArb, monthArb)
      .map(([person, benefitMonth]): Question => ({ question: 'allowance', benefitMonth, person, horizonMonths: 12 })),
    fc
      .record({
        type: fc.constantFrom(
          'tet' as const,
          'natural-disaster' as const,
          'fire' as const,
          'epidemic' as const,
          'traffic-accident' as const,
        ),
        date: dateArb(2021, 2028).filter((d) => d >= '2021-07-01'),
        deaths: fc.nat({ max: 2 }),
        injuredDays: fc.nat({ max: 6 }),
        hungry: fc.nat({ max: 5 }),
      })
      .map(
        (e): Question => ({
          question: 'emergency',
          event: { type: e.type, date: e.date },
          household: {
            members: 5,
            status: 'poor',
            hungryMembers: e.hungry,
            deaths: Array.from({ length: e.deaths }, () => ({})),
            injured: [{ treatmentDays: e.injuredDays }],
            house: { severelyDamagedUninhabitable: true },
          },
        }),
      ),
  );

  it('Art. 4(2) NĐ 20/2021 and every dated rule: an answer never mixes two rule packs', () => {
    fc.assert(
      fc.property(questionArb, (q) => {
        const a: Answer = answer(q);
        const snap = resolveRules(a.rulePack.asOf);
        expect(a.rulePack.snapshot).toBe(snap.id);
        const standardLevels = a.explanation.rules.filter((r) =>
          NATIONAL_PACK.standardLevels.some((m) => m.id === r.id),
        );
        expect(standardLevels.length).toBeLessThanOrEqual(1);
        for (const r of a.explanation.rules) {
          expect(snap.ruleIds.has(r.id)).toBe(true);
          expect(a.rulePack.packs).toContain(r.pack);
          expect(isInEffect(r, a.rulePack.asOf)).toBe(true);
        }
        // provisional is exactly "some uncertainty was recorded".
        expect(a.provisional).toBe(a.explanation.provisionalNotes.length > 0);
        if (a.explanation.rules.some((r) => r.status === 'provisional')) expect(a.provisional).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('Art. 13–14 NĐ 20/2021: emergency money supports scale with M of the event date', () => {
    fc.assert(
      fc.property(
        dateArb(2021, 2028).filter((d) => d >= '2021-07-01'),
        (date) => {
          const a = answerEmergency({
            question: 'emergency',
            event: { type: 'fire', date },
            household: { members: 3, status: 'other', deaths: [{}], injured: [{ treatmentDays: 3 }] },
          });
          const M = date >= '2026-07-01' ? 540_000 : date >= '2024-07-01' ? 500_000 : 360_000;
          expect(a.entitlements.find((e) => e.code === 'burial')?.quantity).toBe(50 * M);
          expect(a.entitlements.find((e) => e.code === 'injury')?.quantity).toBe(10 * M);
        },
      ),
      { numRuns: 100 },
    );
  });
});
