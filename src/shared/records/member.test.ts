import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describeIssues } from '../fields';
import { MemberFields } from './member';
import { SurveyAnswers } from './survey';

const valid = {
  householdId: '0190a0b0-0000-7000-8000-000000000001',
  communeCode: '21548',
  fullName: 'Nguyễn Thị Hoa',
  sex: 'female',
  birthDate: '1980-04-03',
  relation: 'vợ',
  ethnicity: '01',
  disability: 'none',
  hasHealthInsurance: true,
  schooling: 'primary',
  studying: false,
  occupation: 'self-employed',
  hasPension: false,
  status: 'present',
};

const problem = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  return result.success ? undefined : describeIssues(result.issues);
};

describe('#11 dates of the registry are days that exist, from 1900', () => {
  it('accepts a full date or a year alone', () => {
    expect(problem(MemberFields, valid)).toBeUndefined();
    expect(problem(MemberFields, { ...valid, birthDate: '1975' })).toBeUndefined();
    expect(problem(MemberFields, { ...valid, birthDate: '1900-01-01' })).toBeUndefined();
  });

  it.each([
    ['2020-02-31', 'không có trên lịch'],
    ['2020-99-99', 'không có trên lịch'],
    ['2019-02-29', 'không có trên lịch'],
    ['1899-12-31', 'từ 1900'],
    ['1850', 'từ 1900'],
    ['abc', 'dd/mm/yyyy'],
  ])('refuses the birth date %s saying what is wrong', (birthDate, words) => {
    expect(problem(MemberFields, { ...valid, birthDate })).toContain(words);
  });

  it('refuses a disability certificate dated 99/99/2020 instead of letting it go', () => {
    expect(problem(MemberFields, { ...valid, disability: 'mild', disabilityCertifiedOn: '2020-99-99' })).toMatch(
      /disabilityCertifiedOn: .*không có trên lịch/,
    );
  });

  it('refuses a survey review date of 31/02', () => {
    const answers = { period: 'annual', reviewDate: '2026-02-31', incomeMode: 'household', householdIncome: 1 };
    expect(problem(SurveyAnswers, answers)).toContain('không có trên lịch');
    expect(problem(SurveyAnswers, { ...answers, reviewDate: '2026-02-28' })).toBeUndefined();
  });
});
