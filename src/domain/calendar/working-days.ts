// Working-day arithmetic on ISO dates. Pure: the calendar (holidays, substitute days, swaps) comes in as data.
// Counting follows the Civil Code 2015: a period in days starts the day after the event (Art. 147(3)) and ends at
// the end of its last day (Art. 148(1)); a deadline in working days is the end of the n-th working day.
import { type IsoDate, daysInMonth, parseDate, formatDate, daysBetween } from '../common/dates';
import type { CalendarDay, WorkingCalendar } from './types';

/** A date falls in a year the calendar has no holiday data for. `input` names the input that led there, if known. */
export class CalendarNotCoveredError extends Error {
  constructor(
    readonly date: IsoDate,
    readonly calendarId: string,
    readonly input?: string,
  ) {
    super(`calendar ${calendarId} has no holiday data for ${date.slice(0, 4)} (date ${date})`);
  }
}

/** 0 = Sunday … 6 = Saturday, counted from Sunday 2000-01-02 without Date. */
export function weekday(date: IsoDate): number {
  return ((daysBetween('2000-01-02', date) % 7) + 7) % 7;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  let { year, month, day } = parseDate(date);
  const step = n >= 0 ? 1 : -1;
  for (let i = 0; i !== n; i += step) {
    day += step;
    if (day > daysInMonth(year, month)) {
      day = 1;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    } else if (day < 1) {
      month -= 1;
      if (month < 1) {
        month = 12;
        year -= 1;
      }
      day = daysInMonth(year, month);
    }
  }
  return formatDate({ year, month, day });
}

/** The calendar's entry for a date (a holiday, substitute, swap), or undefined for an ordinary day. */
export function calendarDay(date: IsoDate, calendar: WorkingCalendar): CalendarDay | undefined {
  const year = Number(parseDate(date).year);
  const data = calendar.years.find((y) => y.year === year);
  if (data === undefined) throw new CalendarNotCoveredError(date, calendar.id);
  return data.days.find((d) => d.date === date);
}

export function isWorkingDay(day: IsoDate, calendar: WorkingCalendar): boolean {
  const entry = calendarDay(day, calendar);
  if (entry !== undefined) return entry.kind === 'make-up-workday';
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

export interface AddWorkingDaysOptions {
  /** Count the start day itself as day 1 when it is a working day (default false: Civil Code Art. 147(3)). */
  readonly countStartDay?: boolean;
}

/** The n-th working day after `start` (n ≥ 1): the deadline ends at the end of that day. */
export function addWorkingDays(
  start: IsoDate,
  n: number,
  calendar: WorkingCalendar,
  options: AddWorkingDaysOptions = {},
): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  let day = options.countStartDay === true ? start : addDays(start, 1);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day, calendar)) counted += 1;
    if (counted === n) return day;
    day = addDays(day, 1);
  }
}

/**
 * Working days after `from` up to and including `to`; negative (minus the working days after `to` up to and
 * including `from`) when `to` is before `from`. With from = today and to = the due date, this is "days left".
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** The calendar entries (holidays, substitutes, swaps) between two dates, both inclusive: what a count skipped. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const entry = calendarDay(day, calendar);
    if (entry !== undefined) out.push(entry);
  }
  return out;
}
