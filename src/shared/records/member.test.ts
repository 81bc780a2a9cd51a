import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describeIssues } from '../fields';
import { MemberFields } from './member';
import { SurveyAnswers } from './survey';
import { entryIssue, storedIssues } from '../entry-rules';
import { decodeMessage } from '../messages';
import { formatVi } from '../messages-vi';

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
    ['abc', 'dd/mm/yyyy'],
  ])('refuses the birth date %s saying what is wrong', (birthDate, words) => {
    expect(problem(MemberFields, { ...valid, birthDate })).toContain(words);
  });

  it.each(['1899-12-31', '1850'])('refuses %s when typed, saying the year must be from 1900', (birthDate) => {
    const issue = entryIssue('member', { ...valid, birthDate });
    expect(issue && { path: issue.path, said: formatVi(decodeMessage(issue.message)) }).toEqual({
      path: ['birthDate'],
      said: 'Năm phải từ 1900 trở đi',
    });
  });

  it('#11 keeps a birth before 1900 stored before the rule: readable, editable as it is, flagged to correct', () => {
    const stored = { ...valid, birthDate: '1850' };
    // The stored shape holds it: the device reads it, the server classifies the household with it.
    expect(problem(MemberFields, stored)).toBeUndefined();
    // A save that leaves it as it is passes; one that types another year before 1900 does not.
    expect(entryIssue('member', { ...stored, fullName: 'Nguyễn Thị Hoà' }, stored)).toBeUndefined();
    expect(entryIssue('member', { ...stored, birthDate: '1851' }, stored)?.path).toEqual(['birthDate']);
    expect(entryIssue('member', { ...stored, birthDate: '1950' }, stored)).toBeUndefined();
    // What the screen asks to correct.
    expect(storedIssues('member', stored).map((i) => i.label)).toEqual(['birthDate']);
    expect(storedIssues('member', valid)).toEqual([]);
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
    // Before 1900: refused when typed, at its path inside the case's data.
    const typed = { data: { answers: { ...answers, reviewDate: '1899-10-01' } } };
    expect(entryIssue('case', typed)?.path).toEqual(['data', 'answers', 'reviewDate']);
  });
});
