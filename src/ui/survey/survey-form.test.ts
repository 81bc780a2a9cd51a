import { describe, expect, it } from 'vitest';
import { formatVi } from '../../shared/messages-vi';
import { checkSurvey, emptySurvey, parseAmount } from './survey-form';

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
});
