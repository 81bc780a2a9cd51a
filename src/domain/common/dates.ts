// Calendar arithmetic on ISO strings. The domain never reads the clock: every date comes in as 'YYYY-MM-DD'
// (months as 'YYYY-MM'), so an answer computed offline on a phone equals the one computed on the server.

export type IsoDate = string; // 'YYYY-MM-DD'
export type IsoMonth = string; // 'YYYY-MM'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function daysInMonth(year: number, month: number): number {
  // Gregorian rule, without Date, so it is independent of the time zone.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseDate(date: IsoDate): DateParts {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return parts;
}

export function isRealDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function isRealMonth(month: string): boolean {
  const m = ISO_MONTH.exec(month);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatDate(p: DateParts): IsoDate {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function firstDayOf(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: IsoMonth): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return formatDate({ year: y, month: m, day: daysInMonth(y, m) });
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

/** Same day n months later, clamped to the month's last day (31/1 + 1 month = 28 or 29/2). */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  const p = parseDate(date);
  const [y, m] = addMonths(monthOf(date), n).split('-').map(Number) as [number, number];
  return formatDate({ year: y, month: m, day: Math.min(p.day, daysInMonth(y, m)) });
}

/** Whole days from a to b (b − a), using a day count that needs no Date object. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

function dayNumber(date: IsoDate): number {
  // Days since 0000-03-01 in the proleptic Gregorian calendar (the usual civil-from-days algorithm).
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

/**
 * Age in completed years ("đủ … tuổi") on a date. A person born on 29/2 reaches a new age on 1/3 in common years,
 * the reading of the Civil Code's counting of time by full years.
 */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const b = parseDate(dateOfBirth);
  const d = parseDate(date);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/** The date on which a person reaches an age (their birthday; 1/3 for a 29/2 birthday in a common year). */
export function birthdayAt(dateOfBirth: IsoDate, age: number): IsoDate {
  const b = parseDate(dateOfBirth);
  const year = b.year + age;
  if (b.month === 2 && b.day === 29 && daysInMonth(year, 2) === 28) return formatDate({ year, month: 3, day: 1 });
  return formatDate({ year, month: b.month, day: b.day });
}

/** ISO strings of the same shape compare correctly as strings. */
export const isOnOrBefore = (a: string, b: string): boolean => a <= b;
export const maxOf = (a: string, b: string): string => (a >= b ? a : b);
