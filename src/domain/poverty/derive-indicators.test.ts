import { describe, expect, it } from 'vitest';
import { classifyPoverty } from './classify';
import type { PovertyHousehold, PovertyMember, PovertyQuestion } from './schema';

const DATE = '2026-09-01';

function indicator(
  code: string,
  members: PovertyMember[],
  household: PovertyHousehold = {},
  reviewDate = DATE,
): boolean | null {
  const q: PovertyQuestion = {
    question: 'poverty',
    reviewDate,
    area: 'rural',
    income: { perCapitaMonthly: 1_000_000 },
    members,
    household,
  };
  const r = classifyPoverty(q).indicators.find((i) => i.code === code);
  if (!r) throw new Error(`indicator ${code} not in the standard`);
  return r.deprived;
}

const adult = (dob: string, extra: Partial<PovertyMember> = {}): PovertyMember => ({ dateOfBirth: dob, ...extra });

describe('deprivation indicators derived from member facts (Art. 3(1)(b) NĐ 07/2021, thresholds [U])', () => {
  it.each<[string, string, PovertyMember[], PovertyHousehold, boolean | null]>([
    [
      'indicator 1 (employment): a working-age member without a contract is deprived',
      'employment',
      [adult('1990-01-01', { employment: 'wage-without-contract' })],
      {},
      true,
    ],
    [
      'indicator 1 (employment): all working-age members in stable work is not deprived',
      'employment',
      [adult('1990-01-01', { employment: 'stable' }), adult('1950-01-01')],
      {},
      false,
    ],
    ['indicator 1 (employment): unknown employment gives no answer', 'employment', [adult('1990-01-01')], {}, null],
    [
      'indicator 2 (dependants): exactly 50% dependants is not deprived',
      'dependents',
      [adult('1990-01-01'), adult('2015-01-01')],
      {},
      false,
    ],
    [
      'indicator 2 (dependants): 2 of 3 dependants (child under 16, person aged 60+) is deprived',
      'dependents',
      [adult('1990-01-01'), adult('2015-01-01'), adult('1960-01-01')],
      {},
      true,
    ],
    [
      'indicator 3 (nutrition): a malnourished child under 16 is deprived',
      'nutrition',
      [adult('2020-01-01', { malnourished: true })],
      {},
      true,
    ],
    [
      'indicator 4 (health insurance): a child of 5 without a card is not counted',
      'health-insurance',
      [adult('2021-09-02', { hasHealthInsurance: false }), adult('1990-01-01', { hasHealthInsurance: true })],
      {},
      false,
    ],
    [
      'indicator 4 (health insurance): on the 6th birthday without a card is deprived',
      'health-insurance',
      [adult('2020-09-01', { hasHealthInsurance: false })],
      {},
      true,
    ],
    [
      'indicator 5 (adult education): 17 with lower-secondary is not deprived',
      'adult-education',
      [adult('2009-01-01', { qualification: 'lower-secondary', studying: false })],
      {},
      false,
    ],
    [
      'indicator 5 (adult education): 18 with only lower-secondary, not studying, is deprived',
      'adult-education',
      [adult('2008-01-01', { qualification: 'lower-secondary', studying: false })],
      {},
      true,
    ],
    [
      'indicator 5 (adult education): 20 and studying is not deprived',
      'adult-education',
      [adult('2006-01-01', { studying: true })],
      {},
      false,
    ],
    [
      'indicator 5 (adult education): 31 is outside 16–30',
      'adult-education',
      [adult('1995-01-01', { qualification: 'none' })],
      {},
      false,
    ],
    [
      'indicator 6 (child schooling): a child of 3 not at the right level is deprived',
      'child-schooling',
      [adult('2023-09-01', { atAgeAppropriateSchoolLevel: false })],
      {},
      true,
    ],
    [
      'indicator 6 (child schooling): a child of 2 is not counted',
      'child-schooling',
      [adult('2023-09-02', { studying: false })],
      {},
      false,
    ],
    [
      'indicator 7 (housing quality): 2 of 3 structures non-durable is deprived',
      'housing-quality',
      [],
      { nonDurableStructures: 2 },
      true,
    ],
    [
      'indicator 7 (housing quality): 1 of 3 is not deprived',
      'housing-quality',
      [],
      { nonDurableStructures: 1 },
      false,
    ],
    [
      'indicator 8 (floor area): exactly 8 m² per person is not deprived',
      'housing-area',
      [adult('1990-01-01'), adult('1992-01-01')],
      { floorAreaM2: 16 },
      false,
    ],
    [
      'indicator 8 (floor area): 7.95 m² per person is deprived',
      'housing-area',
      [adult('1990-01-01'), adult('1992-01-01')],
      { floorAreaM2: 15.9 },
      true,
    ],
    ['indicator 9 (water): an unprotected well is deprived', 'water', [], { waterSource: 'unprotected-well' }, true],
    ['indicator 9 (water): rainwater is safe', 'water', [], { waterSource: 'rainwater' }, false],
    ['indicator 10 (latrine): a simple pit is deprived', 'sanitation', [], { latrine: 'simple-pit' }, true],
    ['indicator 11 (telecom): nobody uses telecom is deprived', 'telecom', [], { usesTelecom: false }, true],
    [
      'indicator 12 (information devices): no device is deprived',
      'information-devices',
      [],
      { hasInformationDevice: false },
      true,
    ],
  ])('%s', (_name, code, members, household, expected) => {
    expect(indicator(code, members, household)).toBe(expected);
  });

  it('NĐ 351/2025 (2027 indicators): household waste not collected is deprived', () => {
    expect(indicator('waste-treatment', [], { wasteCollectedOrTreated: false }, '2027-09-01')).toBe(true);
  });

  it('Art. 3(1)(b) NĐ 07/2021: a direct answer is accepted and is not provisional; derived indicators make the answer provisional', () => {
    const base: PovertyQuestion = {
      question: 'poverty',
      reviewDate: DATE,
      area: 'rural',
      income: { perCapitaMonthly: 1_000_000 },
    };
    const direct = classifyPoverty({ ...base, indicators: { employment: true, dependents: true, nutrition: true } });
    expect(direct.classification).toBe('poor');
    expect(direct.indicators[0]?.source).toBe('direct');
    expect(direct.provisional).toBe(false);
    const derived = classifyPoverty({
      ...base,
      household: { nonDurableStructures: 3, waterSource: 'surface-water', latrine: 'none' },
    });
    expect(derived.classification).toBe('poor');
    expect(derived.provisional).toBe(true);
    expect(derived.explanation.provisionalNotes.length).toBeGreaterThan(0);
  });
});
