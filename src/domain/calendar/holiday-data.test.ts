// The holiday data is consistent with itself: dates in their year, no duplicates, swaps and substitutes on the
// right weekdays (Art. 111(3) BLLĐ 2019), and the lunar holidays on the computed dates.
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../common/dates';
import { NATIONAL_CALENDAR } from '../packs/national/calendar';
import { weekday } from './working-days';

const all = NATIONAL_CALENDAR.years.flatMap((y) => y.days.map((d) => ({ ...d, year: y.year })));
const named = (vi: string, year: number) => all.filter((d) => d.year === year && d.name.vi === vi).map((d) => d.date);

describe('national holiday data 2025–2027', () => {
  it('every date is real, in its year, listed once, with a bilingual name and a source', () => {
    for (const d of all) {
      expect(isRealDate(d.date)).toBe(true);
      expect(Number(d.date.slice(0, 4))).toBe(d.year);
      expect(d.name.vi.length > 0 && d.name.en.length > 0).toBe(true);
      expect(d.legalBasis.sources?.length ?? 0).toBeGreaterThan(0);
    }
    expect(new Set(all.map((d) => d.date)).size).toBe(all.length);
  });

  it('make-up workdays fall on a weekend; substitute and swapped days off on a weekday', () => {
    for (const d of all) {
      const wd = weekday(d.date);
      if (d.kind === 'make-up-workday') expect([0, 6]).toContain(wd);
      if (d.kind === 'substitute' || d.kind === 'swap-off') expect([1, 2, 3, 4, 5]).toContain(wd);
    }
  });

  it('Art. 112 BLLĐ 2019: Tết has 5 days; Giỗ Tổ 10/3 âm lịch = 7/4/2025, 26/4/2026, 16/4/2027; Tết 29/1/2025, 17/2/2026, 6/2/2027', () => {
    expect(named('Tết Âm lịch', 2025)).toHaveLength(5);
    expect(named('Tết Âm lịch', 2026)).toHaveLength(5);
    expect(named('Tết Âm lịch', 2027)).toHaveLength(5);
    expect(named('Tết Âm lịch', 2025)).toContain('2025-01-29');
    expect(named('Tết Âm lịch', 2026)).toContain('2026-02-17');
    expect(named('Tết Âm lịch', 2027)).toContain('2027-02-06');
    expect(named('Giỗ Tổ Hùng Vương (10/3 âm lịch)', 2025)).toEqual(['2025-04-07']);
    expect(named('Giỗ Tổ Hùng Vương (10/3 âm lịch)', 2026)).toEqual(['2026-04-26']);
    expect(named('Giỗ Tổ Hùng Vương (10/3 âm lịch)', 2027)).toEqual(['2027-04-16']);
  });

  it('2027 depends on an announcement not yet made: its Tết days are provisional', () => {
    const tet = all.filter((d) => d.year === 2027 && d.name.vi === 'Tết Âm lịch');
    expect(tet.every((d) => d.status === 'provisional')).toBe(true);
  });
});
