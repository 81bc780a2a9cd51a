/** @module What the desk's forms read from what is typed: a whole day, a month. */
import { parseVnDate } from '../dates';

/** A whole day typed dd/mm/yyyy, as ISO; a year alone is no day. */
export function fullDay(text: string): string | undefined {
  const day = parseVnDate(text);
  return day?.length === 10 ? day : undefined;
}

/** "04/2026" or "4/2026" → "2026-04". */
export function parseMonth(text: string): string | undefined {
  const match = /^(\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? `${match[2]}-${String(month).padStart(2, '0')}` : undefined;
}
