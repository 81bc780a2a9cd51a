import { describe, expect, it } from 'vitest';
import { daysAfterEvent, helpInTimeDays, helpedInTime } from './in-time';

const at = (iso: string) => Date.parse(iso);

describe('helped in time (NĐ 20/2021 Art. 12(3): the commune chairman decides within 2 days)', () => {
  it('the deadline comes from the rule pack in force on the event date', () => {
    expect(helpInTimeDays('2026-10-20')?.days).toBe(2);
  });

  it('counts calendar days in Vietnam time from the event date, whatever the hour', () => {
    expect(daysAfterEvent('2026-10-20', at('2026-10-20T23:59:00+07:00'))).toBe(0);
    expect(daysAfterEvent('2026-10-20', at('2026-10-21T00:01:00+07:00'))).toBe(1);
    // 2.2 days after midnight of the event date is the second day after it, in time.
    expect(daysAfterEvent('2026-10-20', at('2026-10-22T04:48:00+07:00'))).toBe(2);
    expect(daysAfterEvent('2026-10-20', at('2026-10-23T00:00:00+07:00'))).toBe(3);
    // 23:30 UTC on the 21st is already the 22nd in Vietnam.
    expect(daysAfterEvent('2026-10-20', at('2026-10-21T23:30:00Z'))).toBe(2);
    expect(daysAfterEvent('2026-10-20', at('2026-10-19T12:00:00+07:00'))).toBe(0);
  });

  it('measures days to the first aid and the share of affected people helped within the deadline', () => {
    const affected = [
      { damageId: 'd1', householdId: 'h1', people: 4 },
      { damageId: 'd2', householdId: 'h2', people: 2 },
      { damageId: 'd3', householdId: 'h3', people: 4 },
      { damageId: 'd4', people: 3 },
    ];
    const handouts = [
      { householdId: 'h1', handedOutAt: at('2026-10-21T09:00:00+07:00') },
      { householdId: 'h2', handedOutAt: at('2026-10-26T09:00:00+07:00') },
      // A household noted for follow-up, handed out to through its damage entry on the second day: in time.
      { damageId: 'd4', handedOutAt: at('2026-10-22T20:00:00+07:00') },
      { householdId: 'h3', handedOutAt: at('2026-10-20T10:00:00+07:00'), voided: { reason: 'nhầm' } },
    ];
    const result = helpedInTime('2026-10-20', affected, handouts, 2);
    expect(result.households.map((h) => h.days)).toEqual([1, 6, null, 2]);
    expect(result).toMatchObject({ affectedPeople: 13, helpedInTimePeople: 7 });
    expect(result.share).toBeCloseTo(7 / 13);
  });

  it('with nobody recorded as affected there is no share to give (not 0%)', () => {
    expect(helpedInTime('2026-10-20', [], [], 2)).toMatchObject({ affectedPeople: 0, share: null });
  });
});
