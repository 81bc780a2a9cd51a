import { describe, expect, it } from 'vitest';
import { addMonths, addMonthsToDate, ageOn, birthdayAt, daysBetween, isRealDate, lastDayOf } from './dates';

describe('dates (age in completed years, "đủ … tuổi", Decree 20/2021 Art. 5)', () => {
  it.each([
    ['2010-05-15', '2026-05-14', 15],
    ['2010-05-15', '2026-05-15', 16],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('Art. 5 NĐ 20/2021 age boundary: born %s, on %s is %i', (dob, date, age) => {
    expect(ageOn(dob, date)).toBe(age);
  });

  it('Art. 8(1)(đ) NĐ 20/2021: a 29/2 birthday falls on 1/3 in a common year', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayAt('2008-02-29', 16)).toBe('2024-02-29');
  });

  it('Art. 16 NĐ 20/2021 (3 months of temporary care): month and day arithmetic', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(daysBetween('2025-01-10', '2025-04-10')).toBe(90);
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(isRealDate('2026-02-30')).toBe(false);
  });
});
