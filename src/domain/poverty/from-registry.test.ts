import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { classifyPoverty } from './classify';
import { PovertyQuestionSchema } from './schema';
import { toPovertyQuestion } from './from-registry';
import type { MemberFields } from '../../shared/records/member';

const member = (id: string, overrides: Partial<MemberFields>): MemberFields & { id: string } => ({
  id,
  householdId: 'h',
  communeCode: '21548',
  fullName: 'Thành Viên',
  sex: 'male',
  birthDate: '1980-01-01',
  relation: 'con',
  ethnicity: '01',
  disability: 'none',
  hasHealthInsurance: true,
  schooling: 'upper-secondary',
  studying: false,
  occupation: 'stable',
  hasPension: false,
  status: 'present',
  ...overrides,
});

describe('survey answers and member records → poverty question (NĐ 07/2021)', () => {
  const members = [
    member('a', { relation: 'chủ hộ', occupation: 'wage-without-contract', hasHealthInsurance: false }),
    member('b', { sex: 'female', birthDate: '1982', schooling: 'primary', occupation: 'self-employed' }),
    member('c', { birthDate: '2016-03-01', schooling: 'primary', studying: true, occupation: 'student' }),
    member('d', { birthDate: '1950', status: 'deceased' }),
  ];

  it('builds a valid question: present members only, year-only births at mid-year, income per household', () => {
    const q = toPovertyQuestion({
      area: 'rural',
      members,
      answers: {
        period: 'annual',
        reviewDate: '2026-10-01',
        incomeMode: 'household',
        householdIncome: 4_500_000,
        malnourished: ['c'],
      },
    });
    expect(v.safeParse(PovertyQuestionSchema, q).success).toBe(true);
    expect(q.members).toHaveLength(3);
    expect(q.members?.[1]?.dateOfBirth).toBe('1982-07-01');
    expect(q.income).toEqual({ householdMonthly: 4_500_000, memberCount: 3 });
    expect(q.members?.[2]?.malnourished).toBe(true);
  });

  it('a household of three at 1.5M each in a rural commune with facts for 3 deprivations is poor, with reasons', () => {
    const q = toPovertyQuestion({
      area: 'rural',
      members,
      answers: {
        period: 'annual',
        reviewDate: '2026-10-01',
        incomeMode: 'household',
        householdIncome: 4_500_000,
        malnourished: ['c'],
        latrine: 'none',
        usesTelecom: false,
      },
    });
    const answer = classifyPoverty(q);
    expect(answer.income.atOrBelowLine).toBe(true);
    expect(answer.deprivationCount).toBeGreaterThanOrEqual(3);
    expect(answer.classification).toBe('poor');
    expect(answer.indicators.find((i) => i.code === 'nutrition')).toMatchObject({ deprived: true, source: 'derived' });
  });
});
