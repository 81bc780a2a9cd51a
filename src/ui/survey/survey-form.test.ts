import { describe, expect, it } from 'vitest';
import { formatVi } from '../../shared/messages-vi';
import { checkSurvey, emptySurvey, isChildOn, readings, sectionsComplete } from './survey-form';

describe('survey form', () => {
  const issuesOf = (draft: Partial<ReturnType<typeof emptySurvey>>) => {
    const check = checkSurvey({ ...emptySurvey(''), ...draft }, '2026-10-01');
    return check.ok
      ? check.answers
      : Object.fromEntries(Object.entries(check.issues).map(([k, m]) => [k, formatVi(m)]));
  };

  it('reads amounts the way people type them', () => {
    expect(issuesOf({ householdIncome: '1.500.000' })).toMatchObject({ householdIncome: 1_500_000 });
    expect(issuesOf({ householdIncome: '1 500 000 đ' })).toMatchObject({ householdIncome: 1_500_000 });
    expect(issuesOf({ householdIncome: '1500000đ' })).toMatchObject({ householdIncome: 1_500_000 });
    expect(issuesOf({ incomeMode: 'per-capita', incomePerCapita: '900.000' })).toMatchObject({
      incomePerCapita: 900_000,
    });
    expect(issuesOf({ householdIncome: 'một triệu' })).toEqual({ householdIncome: expect.stringMatching(/chữ số/) });
  });

  it('#11 never reads an income of "1,5" as 15 đ or "1.500,5" as 15005: whole đồng, or refused saying so', () => {
    for (const typed of ['1,5', '1.500,5', '2.5', '1,000,000'])
      expect(issuesOf({ householdIncome: typed }), typed).toEqual({
        householdIncome: expect.stringMatching(/số nguyên đồng/),
      });
    expect(issuesOf({ incomeMode: 'per-capita', incomePerCapita: '1,5' })).toEqual({
      incomePerCapita: expect.stringMatching(/số nguyên đồng/),
    });
  });

  it('#11 reads a floor area with a decimal comma, and asks which of two readings "1.200" m² is', () => {
    const income = { householdIncome: '4.000.000' };
    expect(issuesOf({ ...income, floorAreaM2: '24,5' })).toMatchObject({ floorAreaM2: 24.5 });
    expect(issuesOf({ ...income, floorAreaM2: '24.5' })).toMatchObject({ floorAreaM2: 24.5 });
    expect(issuesOf({ ...income, floorAreaM2: '36 m²' })).toMatchObject({ floorAreaM2: 36 });
    expect(issuesOf({ ...income, floorAreaM2: '1.200' })).toEqual({
      floorAreaM2: 'Không rõ "1.200" là 1200 hay 1,2: hãy viết 1200 hoặc 1,2',
    });
    expect(issuesOf({ ...income, floorAreaM2: '1,200' })).toEqual({
      floorAreaM2: 'Không rõ "1,200" là 1200 hay 1,2: hãy viết 1200 hoặc 1,2',
    });
    // Read before as Number(text with its comma made a point): "1.200" was 1,2 m² and "0x10" was 16.
    expect(issuesOf({ ...income, floorAreaM2: '24,5 m' })).toMatchObject({ floorAreaM2: 24.5 });
    expect(issuesOf({ ...income, floorAreaM2: '0x10' })).toEqual({
      floorAreaM2: expect.stringMatching(/Không đọc được/),
    });
    expect(issuesOf({ ...income, floorAreaM2: '' })).not.toHaveProperty('floorAreaM2');
  });

  it('#11 what the form read from a field, to show back under it ("Sẽ ghi: …"); nothing when it cannot be read', () => {
    const draft = { ...emptySurvey(''), householdIncome: '4500000', floorAreaM2: '24,5' };
    expect(readings(draft)).toEqual({ householdIncome: '4.500.000 đ', floorAreaM2: '24,5 m²' });
    expect(readings({ ...draft, householdIncome: '1,5', floorAreaM2: '1.200' })).toEqual({});
    expect(readings({ ...draft, incomeMode: 'per-capita', incomePerCapita: '900000' })).toEqual({
      incomePerCapita: '900.000 đ',
      floorAreaM2: '24,5 m²',
    });
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
      issues: { householdIncome: expect.stringContaining('chữ số'), floorAreaM2: 'Không được âm' },
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
