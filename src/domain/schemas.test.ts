import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { QuestionSchema } from './schemas';

const paths = (input: unknown): string[] => {
  const r = v.safeParse(QuestionSchema, input);
  return r.success ? [] : r.issues.map((i) => v.getDotPath(i) ?? '(root)');
};

describe('question schemas (valibot): bad input names the field', () => {
  it.each<[string, unknown, string]>([
    ['unknown question kind', { question: 'tax' }, 'question'],
    [
      'Art. 3 NĐ 07/2021: poverty area must be rural or urban',
      { question: 'poverty', reviewDate: '2026-01-01', area: 'mountain', income: { perCapitaMonthly: 1 } },
      'area',
    ],
    [
      'Art. 3 NĐ 07/2021: income must be whole VND',
      { question: 'poverty', reviewDate: '2026-01-01', area: 'rural', income: { perCapitaMonthly: 1.5 } },
      'income.perCapitaMonthly',
    ],
    [
      'Art. 3 NĐ 07/2021: household income needs a member count',
      { question: 'poverty', reviewDate: '2026-01-01', area: 'rural', income: { householdMonthly: 100 } },
      'income.memberCount',
    ],
    [
      'Art. 5 NĐ 20/2021: benefit month must be a calendar month',
      {
        question: 'allowance',
        benefitMonth: '2026-13',
        person: { dateOfBirth: '2000-01-01', householdPoverty: 'poor' },
      },
      'benefitMonth',
    ],
    [
      'Art. 5 NĐ 20/2021: date of birth must be a calendar date',
      {
        question: 'allowance',
        benefitMonth: '2026-01',
        person: { dateOfBirth: '2000-02-30', householdPoverty: 'poor' },
      },
      'person.dateOfBirth',
    ],
    [
      'Art. 12 NĐ 20/2021: household members must be at least 1',
      { question: 'emergency', event: { type: 'fire', date: '2026-01-01' }, household: { members: 0, status: 'poor' } },
      'household.members',
    ],
    [
      'Art. 12(1) NĐ 20/2021: hungry members cannot exceed the household members',
      {
        question: 'emergency',
        event: { type: 'tet', date: '2026-02-01' },
        household: { members: 2, status: 'poor', hungryMembers: 5 },
      },
      'household.hungryMembers',
    ],
    [
      'Art. 13 NĐ 20/2021: days of treatment must be a count',
      {
        question: 'emergency',
        event: { type: 'fire', date: '2026-01-01' },
        household: { members: 2, status: 'poor', injured: [{ treatmentDays: -1 }] },
      },
      'household.injured.0.treatmentDays',
    ],
  ])('%s', (_name, input, path) => {
    expect(paths(input)).toContain(path);
  });

  it('Art. 5 NĐ 20/2021: a valid allowance question passes', () => {
    expect(
      paths({
        question: 'allowance',
        benefitMonth: '2026-01',
        person: { dateOfBirth: '2000-01-01', householdPoverty: 'poor' },
      }),
    ).toEqual([]);
  });
});
