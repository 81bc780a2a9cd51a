// Deadlines of the monthly-allowance procedure: dated rules (NĐ 20/2021 Art. 8(1)(b) to 30/6/2025, NĐ 147/2025 from
// 1/7/2025) counted on the national working-day calendar.
import { describe, expect, it } from 'vitest';
import { NoRuleInForceError } from '../common/answer';
import { answerDeadline, daysLeft, dueDate } from '../packs/national/deadlines';
import { CalendarNotCoveredError } from './working-days';

describe('answerDeadline', () => {
  it('NĐ 20/2021 Art. 8(1)(b): commune review 7 wd from Mon 2/6/2025 → 3–6/6 and 9–11/6 → due Wed 11/6/2025, verified', () => {
    const a = answerDeadline({ step: 'commune-review', from: '2025-06-02' });
    expect(a.due).toBe('2025-06-11');
    expect(a.workingDays).toBe(7);
    expect(a.rule.id).toBe('DL-REVIEW-2021');
    expect(a.rule.status).toBe('verified');
    expect(a.provisional).toBe(false);
    expect(a.daysLeft).toBeUndefined();
  });

  it('NĐ 147/2025 + Tết 2026: chairman decides within 10 wd of Thu 12/2/2026 → due Thu 5/3/2026; on Mon 9/3 it is 2 wd overdue', () => {
    const a = answerDeadline({ step: 'chairman-decision', from: '2026-02-12', asOf: '2026-03-09' });
    expect(a.due).toBe('2026-03-05');
    expect(a.daysLeft).toBe(-2);
    expect(a.overdue).toBe(true);
    expect(a.rule.status).toBe('secondary');
    expect(a.rule.legalBasis.document).toContain('147/2025');
    expect(a.skippedDays.map((d) => d.date)).toContain('2026-02-17');
    expect(a.explanation.steps.some((s) => s.vi.includes('05/03/2026') && s.en.includes('05/03/2026'))).toBe(true);
    expect(a.provisional).toBe(false);
  });

  it('days left before the due date are positive: asOf Mon 2/3/2026 → 3, 4, 5/3 → 3 wd left, not overdue', () => {
    const a = answerDeadline({ step: 'chairman-decision', from: '2026-02-12', asOf: '2026-03-02' });
    expect(a.daysLeft).toBe(3);
    expect(a.overdue).toBe(false);
  });

  it('public posting from 1/7/2025 is provisional (NĐ 147/2025 does not mention posting): Tue 1/7 + 2 wd → Thu 3/7/2025', () => {
    const a = answerDeadline({ step: 'public-posting', from: '2025-07-01' });
    expect(a.due).toBe('2025-07-03');
    expect(a.rule.status).toBe('provisional');
    expect(a.provisional).toBe(true);
    expect(a.explanation.provisionalNotes.length).toBeGreaterThan(0);
  });

  it('a count over a provisional holiday (Giỗ Tổ 2026, computed) makes the answer provisional', () => {
    const a = answerDeadline({ step: 'chairman-decision', from: '2026-04-24' });
    // 27/4 substitute, 28–29/4 (1–2), 30/4–1/5 off, 4–8/5 (3–7), 11–13/5 (8–10)
    expect(a.due).toBe('2026-05-13');
    expect(a.provisional).toBe(true);
  });

  it('complaints 10 wd from Thu 12/2/2026 → due Thu 5/3/2026 (the same count, provisional rule after 1/7/2025)', () => {
    const a = answerDeadline({ step: 'complaint-settlement', from: '2026-02-12' });
    expect(a.due).toBe('2026-03-05');
    expect(a.rule.status).toBe('provisional');
  });

  it('a step with no rule on the date (commune-officer review after 30/6/2025) throws NoRuleInForceError', () => {
    expect(() => answerDeadline({ step: 'commune-review', from: '2025-07-01' })).toThrow(NoRuleInForceError);
    expect(() => answerDeadline({ step: 'chairman-decision', from: '2025-06-30' })).toThrow(NoRuleInForceError);
  });

  it('countStartDay counts the day of receipt as day 1', () => {
    const a = answerDeadline({ step: 'public-posting', from: '2025-07-01', countStartDay: true });
    expect(a.due).toBe('2025-07-02');
  });
});

describe('dueDate / daysLeft (helpers for the app)', () => {
  it('dueDate(chairman-decision, 12/2/2026) = 5/3/2026; daysLeft(5/3, 9/3/2026) = −2; daysLeft(5/3, 5/3) = 0', () => {
    expect(dueDate('chairman-decision', '2026-02-12')).toBe('2026-03-05');
    expect(daysLeft('2026-03-05', '2026-03-09')).toBe(-2);
    expect(daysLeft('2026-03-05', '2026-03-05')).toBe(0);
  });

  it('a date in a year with no holiday data throws CalendarNotCoveredError', () => {
    expect(() => daysLeft('2030-03-05', '2030-03-01')).toThrow(CalendarNotCoveredError);
  });

  it('an asOf beyond the covered years is blamed on asOf, not on the start date', () => {
    let err: unknown;
    try {
      answerDeadline({ step: 'chairman-decision', from: '2026-02-12', asOf: '2030-01-02' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarNotCoveredError);
    expect((err as CalendarNotCoveredError).input).toBe('asOf');
  });
});
