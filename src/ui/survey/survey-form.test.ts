import { describe, expect, it } from 'vitest';
import { formatVi } from '../../shared/messages-vi';
import { checkSurvey, emptySurvey, isChildOn, parseAmount, sectionsComplete } from './survey-form';

describe('survey form', () => {
  it('reads amounts the way people type them', () => {
    expect(parseAmount('1.500.000')).toBe(1_500_000);
    expect(parseAmount('1 500 000 đ')).toBe(1_500_000);
    expect(parseAmount('')).toBeUndefined();
    expect(Number.isNaN(parseAmount('một triệu'))).toBe(true);
  });

  it('says in Vietnamese what is missing or wrong, next to the field', () => {
    // Issues are message codes the screen translates; in Vietnamese they say what they said before codes.
    const vi = (check: ReturnType<typeof checkSurvey>) =>
      check.ok
        ? check
        : { ok: false, issues: Object.fromEntries(Object.entries(check.issues).map(([k, m]) => [k, formatVi(m)])) };
    expect(vi(checkSurvey(emptySurvey(''), undefined))).toEqual({
      ok: false,
      issues: { reviewDate: 'Ngày phải có dạng dd/mm/yyyy', householdIncome: 'Nhập thu nhập' },
    });
    expect(
      vi(checkSurvey({ ...emptySurvey(''), householdIncome: 'abc', floorAreaM2: '-3' }, '2026-10-01')),
    ).toMatchObject({
      ok: false,
      issues: { householdIncome: expect.stringContaining('chữ số'), floorAreaM2: expect.stringContaining('không âm') },
    });
  });

  it('turns a complete form into answers', () => {
    const result = checkSurvey(
      { ...emptySurvey(''), householdIncome: '4.500.000', floorAreaM2: '24,5', latrine: 'none', usesTelecom: false },
      '2026-10-01',
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        period: 'annual',
        reviewDate: '2026-10-01',
        incomeMode: 'household',
        householdIncome: 4_500_000,
        floorAreaM2: 24.5,
        latrine: 'none',
        usesTelecom: false,
        malnourished: [],
        behindInSchool: [],
      },
    });
  });

  it('#11 a review date of 31/02 or before 1900 says what is wrong, not only "wrong format"', () => {
    const issue = (iso: string) => {
      const check = checkSurvey({ ...emptySurvey(''), householdIncome: '1' }, iso);
      return check.ok ? undefined : formatVi(check.issues.reviewDate ?? '');
    };
    expect(issue('2026-02-31')).toMatch(/không có trên lịch/);
    expect(issue('1899-10-01')).toMatch(/từ 1900/);
    expect(issue('31/02')).toBe('Ngày phải có dạng dd/mm/yyyy');
  });

  it('#11 counts the sections answered in full', () => {
    const empty = emptySurvey('01/10/2026');
    expect(sectionsComplete(empty, checkSurvey(empty, '2026-10-01'))).toEqual({
      review: true,
      income: false,
      housing: false,
      services: false,
    });
    const full = {
      ...empty,
      householdIncome: '4.000.000',
      floorAreaM2: '18',
      nonDurableStructures: '0',
      waterSource: 'piped',
      latrine: 'none',
      usesTelecom: true,
      hasInformationDevice: false,
      wasteCollectedOrTreated: true,
    };
    expect(Object.values(sectionsComplete(full, checkSurvey(full, '2026-10-01')))).toEqual([true, true, true, true]);
    expect(sectionsComplete(full, checkSurvey(full, '2026-02-31')).review).toBe(false);
  });

  it('#11 a member born after the review date is no child of the survey', () => {
    expect(isChildOn('2021-08-20', '2026-10-01')).toBe(true);
    expect(isChildOn('2031', '2026-10-01')).toBe(false);
    expect(isChildOn('2026-11-01', '2026-10-01')).toBe(false);
    expect(isChildOn('2010', '2026-10-01')).toBe(false);
  });
});
