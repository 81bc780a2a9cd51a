// The working-day calendar against the national holiday data: counting per Civil Code 2015 Art. 147(3)/148(1),
// holidays per Labour Code 2019 Art. 112, substitute days per Art. 111(3), and the government's announced swaps.
import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from '../packs/national/calendar';
import { CalendarNotCoveredError, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

const cal = NATIONAL_CALENDAR;

describe('isWorkingDay', () => {
  it('Saturday and Sunday are non-working; a plain Monday is working', () => {
    expect(isWorkingDay('2026-03-07', cal)).toBe(false); // Sat
    expect(isWorkingDay('2026-03-08', cal)).toBe(false); // Sun
    expect(isWorkingDay('2026-03-09', cal)).toBe(true); // Mon
  });

  it('Tết Bính Ngọ 2026: the announced 9 days 14/2–22/2/2026 are all non-working, 13/2 and 23/2 are working', () => {
    expect(isWorkingDay('2026-02-13', cal)).toBe(true);
    for (let d = 14; d <= 22; d++) expect(isWorkingDay(`2026-02-${d}`, cal)).toBe(false);
    expect(isWorkingDay('2026-02-23', cal)).toBe(true);
  });

  it('Art. 111(3) BLLĐ 2019: Giỗ Tổ 10/3 âm lịch = Sun 26/4/2026, so Mon 27/4/2026 is a substitute day off', () => {
    expect(isWorkingDay('2026-04-27', cal)).toBe(false);
    expect(isWorkingDay('2026-04-28', cal)).toBe(true);
  });

  it('30/4–1/5/2025 swap: Fri 2/5/2025 is off and Sat 26/4/2025 is worked instead', () => {
    expect(isWorkingDay('2025-05-02', cal)).toBe(false);
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
  });

  it('Quốc khánh 2025: 2/9 (Tue) and its adjacent day 1/9 (Mon) are off (Art. 112(1)(đ) BLLĐ 2019)', () => {
    expect(isWorkingDay('2025-09-01', cal)).toBe(false);
    expect(isWorkingDay('2025-09-02', cal)).toBe(false);
    expect(isWorkingDay('2025-09-03', cal)).toBe(true);
  });

  it('a year with no holiday data (2030) throws CalendarNotCoveredError: it never guesses', () => {
    expect(() => isWorkingDay('2030-01-02', cal)).toThrow(CalendarNotCoveredError);
  });
});

describe('addWorkingDays', () => {
  it('BLDS 2015 Art. 147(3)/148(1) + Tết 2026: received Thu 12/2/2026, 10 wd → day 1 = Fri 13/2, 14–22/2 Tết off, days 2–6 = 23–27/2, 7–10 = 2–5/3 → due Thu 5/3/2026', () => {
    expect(addWorkingDays('2026-02-12', 10, cal)).toBe('2026-03-05');
  });

  it('BLDS 2015 Art. 147(3): the day of receipt is not counted (Mon 2/3/2026 + 1 wd = Tue 3/3) unless countStartDay', () => {
    expect(addWorkingDays('2026-03-02', 1, cal)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-02', 1, cal, { countStartDay: true })).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-02', 7, cal)).toBe('2026-03-11');
  });

  it('Art. 111(3) BLLĐ 2019 substitute day: received Fri 24/4/2026, 2 wd → skip weekend and Mon 27/4 → due Wed 29/4/2026; 3 wd skips 30/4–1/5 and the weekend → Mon 4/5/2026', () => {
    expect(addWorkingDays('2026-04-24', 2, cal)).toBe('2026-04-29');
    expect(addWorkingDays('2026-04-24', 3, cal)).toBe('2026-05-04');
  });

  it('2/9/2025 with adjacent day 1/9: received Fri 29/8/2025, 1 wd → 30/8–2/9 are off → due Wed 3/9/2025', () => {
    expect(addWorkingDays('2025-08-29', 1, cal)).toBe('2025-09-03');
  });

  it('swap 2/5 ↔ Sat 26/4/2025: received Fri 25/4/2025, 1 wd → Sat 26/4/2025 is a working day', () => {
    expect(addWorkingDays('2025-04-25', 1, cal)).toBe('2025-04-26');
  });

  it('a count that runs past the last covered year throws CalendarNotCoveredError', () => {
    expect(() => addWorkingDays('2027-12-28', 10, cal)).toThrow(CalendarNotCoveredError);
    expect(() => addWorkingDays('2030-03-01', 1, cal)).toThrow(CalendarNotCoveredError);
  });

  it('n must be a whole number of at least 1', () => {
    expect(() => addWorkingDays('2026-03-02', 0, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`; 0 on the same day', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-05', cal)).toBe(3);
    expect(workingDaysBetween('2026-03-05', '2026-03-05', cal)).toBe(0);
    expect(workingDaysBetween('2026-02-12', '2026-02-23', cal)).toBe(2);
  });

  it('is negative when `to` is before `from` (overdue): due Thu 5/3/2026, today Mon 9/3/2026 → −2', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-05', cal)).toBe(-2);
  });

  it('is the inverse of addWorkingDays', () => {
    const due = addWorkingDays('2026-02-12', 10, cal);
    expect(workingDaysBetween('2026-02-12', due, cal)).toBe(10);
  });
});
