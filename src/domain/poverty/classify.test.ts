import { describe, expect, it } from 'vitest';
import { classifyPoverty, type PovertyClass } from './classify';
import type { PovertyQuestion } from './schema';

const CODES_2022 = [
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
] as const;
const CODES_2027 = [
  'employment',
  'dependents',
  'health-insurance',
  'nutrition',
  'adult-education',
  'child-schooling',
  'housing-area',
  'housing-quality',
  'telecom',
  'water',
  'sanitation',
  'waste-treatment',
] as const;

/** Direct answers for every indicator of the standard, the first n deprived. */
function deprived(n: number, reviewDate: string): Record<string, boolean> {
  const codes = reviewDate >= '2027-01-01' ? CODES_2027 : CODES_2022;
  return Object.fromEntries(codes.map((c, i) => [c, i < n]));
}

function ask(reviewDate: string, area: 'rural' | 'urban', perCapita: number, n: number): PovertyQuestion {
  return {
    question: 'poverty',
    reviewDate,
    area,
    income: { perCapitaMonthly: perCapita },
    indicators: deprived(n, reviewDate),
  };
}

describe('poverty classification: income line and deprivation count', () => {
  it.each<[string, string, 'rural' | 'urban', number, number, PovertyClass]>([
    [
      'Art. 3(2)(a) NĐ 07/2021: rural income exactly at 1,500,000 with 3 deprivations is poor',
      '2025-10-01',
      'rural',
      1_500_000,
      3,
      'poor',
    ],
    [
      'Art. 3(2)(b) NĐ 07/2021: rural income exactly at 1,500,000 with 2 deprivations is near-poor',
      '2025-10-01',
      'rural',
      1_500_000,
      2,
      'near-poor',
    ],
    [
      'Art. 3(2)(b) NĐ 07/2021: rural income below the line with 0 deprivations is near-poor',
      '2025-10-01',
      'rural',
      900_000,
      0,
      'near-poor',
    ],
    [
      'Art. 3(2)(c) NĐ 07/2021: rural income 1 VND above the line with 12 deprivations is average, never poor',
      '2025-10-01',
      'rural',
      1_500_001,
      12,
      'average-living-standard',
    ],
    [
      'Art. 3(2)(c) NĐ 07/2021: rural income exactly at 2,250,000 is average living standard',
      '2025-10-01',
      'rural',
      2_250_000,
      5,
      'average-living-standard',
    ],
    [
      'Art. 3(2)(c) NĐ 07/2021: rural income 2,250,001 is above the average band',
      '2025-10-01',
      'rural',
      2_250_001,
      5,
      'none',
    ],
    [
      'Art. 3(2)(a) NĐ 07/2021: urban income exactly at 2,000,000 with 3 deprivations is poor',
      '2025-10-01',
      'urban',
      2_000_000,
      3,
      'poor',
    ],
    [
      'Art. 3(2)(b) NĐ 07/2021: urban income exactly at 2,000,000 with 2 deprivations is near-poor',
      '2025-10-01',
      'urban',
      2_000_000,
      2,
      'near-poor',
    ],
    [
      'Art. 3 NĐ 07/2021: 2,000,000 is above the rural line but at the urban line (rural → average)',
      '2025-10-01',
      'rural',
      2_000_000,
      4,
      'average-living-standard',
    ],
    [
      'Art. 3(2)(c) NĐ 07/2021: urban income exactly at 3,000,000 is average',
      '2025-10-01',
      'urban',
      3_000_000,
      0,
      'average-living-standard',
    ],
    ['Art. 3(2)(c) NĐ 07/2021: urban income 3,000,001 is none', '2025-10-01', 'urban', 3_000_001, 0, 'none'],
    [
      'NĐ 351/2025: a review in 2026 still uses the 2022–2025 line (rural 1,600,000 → average)',
      '2026-10-15',
      'rural',
      1_600_000,
      4,
      'average-living-standard',
    ],
    [
      'NĐ 351/2025: a review in 2027 uses the new line (rural 1,600,000 with 4 → poor)',
      '2027-01-01',
      'rural',
      1_600_000,
      4,
      'poor',
    ],
    [
      'NĐ 351/2025: rural income exactly at 2,200,000 with 3 deprivations (2027) is poor',
      '2027-09-01',
      'rural',
      2_200_000,
      3,
      'poor',
    ],
    [
      'NĐ 351/2025: rural income exactly at 2,200,000 with 2 deprivations (2027) is near-poor',
      '2027-09-01',
      'rural',
      2_200_000,
      2,
      'near-poor',
    ],
    [
      'NĐ 351/2025: urban income exactly at 2,800,000 with 3 deprivations (2027) is poor',
      '2027-09-01',
      'urban',
      2_800_000,
      3,
      'poor',
    ],
    [
      'NĐ 351/2025: urban 2,800,000 with 2 deprivations (2027) is near-poor',
      '2027-09-01',
      'urban',
      2_800_000,
      2,
      'near-poor',
    ],
    [
      'NĐ 351/2025: above the 2027 line, the average band is unknown → undetermined, never poor',
      '2027-09-01',
      'urban',
      2_800_001,
      9,
      'undetermined',
    ],
  ])('%s', (_name, date, area, income, n, expected) => {
    expect(classifyPoverty(ask(date, area, income, n)).classification).toBe(expected);
  });

  it('Art. 3(2) NĐ 07/2021: household income divided by members; exactly at the line counts as at or below', () => {
    const a = classifyPoverty({
      question: 'poverty',
      reviewDate: '2025-10-01',
      area: 'rural',
      income: { householdMonthly: 6_000_000, memberCount: 4 },
      indicators: deprived(3, '2025-10-01'),
    });
    expect(a.income).toEqual({ perCapitaMonthly: 1_500_000, atOrBelowLine: true });
    expect(a.classification).toBe('poor');
    const b = classifyPoverty({
      question: 'poverty',
      reviewDate: '2025-10-01',
      area: 'rural',
      income: { householdMonthly: 6_000_001, memberCount: 4 },
      indicators: deprived(3, '2025-10-01'),
    });
    expect(b.income.atOrBelowLine).toBe(false);
    expect(b.classification).toBe('average-living-standard');
  });

  it('Art. 3(2) NĐ 07/2021: with 2 known deprivations and unknown indicators the class is undetermined and lists what is missing', () => {
    const a = classifyPoverty({
      question: 'poverty',
      reviewDate: '2025-10-01',
      area: 'rural',
      income: { perCapitaMonthly: 1_000_000 },
      indicators: { employment: true, water: true },
    });
    expect(a.classification).toBe('undetermined');
    expect(a.unknownIndicators).toHaveLength(10);
    expect(a.explanation.steps.at(-1)?.en).toMatch(/^Facts needed: dependents/);
  });

  it('Art. 3 NĐ 07/2021: answer names the standard, is bilingual and not provisional when only [V] rules decide', () => {
    const a = classifyPoverty(ask('2025-10-01', 'rural', 3_000_000, 0));
    expect(a.standard.id).toBe('POV-2022');
    expect(a.provisional).toBe(false);
    expect(a.explanation.steps[0]?.vi).toContain('nông thôn');
    expect(a.explanation.rules.map((r) => r.id)).toContain('POV-2022');
  });

  it('NĐ 351/2025: a 2027 answer is provisional (the new standard is only known from news reports)', () => {
    const a = classifyPoverty(ask('2027-03-01', 'rural', 1_000_000, 4));
    expect(a.provisional).toBe(true);
    expect(a.indicators.map((i) => i.code)).toContain('waste-treatment');
    expect(a.indicators.map((i) => i.code)).not.toContain('information-devices');
  });
});
