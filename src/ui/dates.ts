/** @module Dates as people in Vietnam write them (dd/mm/yyyy, or just the year) and as records keep them (ISO). */

/** "03/04/1980" → "1980-04-03"; "1980" → "1980"; anything else → undefined. */
export function parseVnDate(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{4}$/.test(value)) return value;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return undefined;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * A date as typed, in the shape records keep, without judging it: "31/02/2020" → "2020-02-31", "1980" → "1980",
 * so the shared schema says what is wrong (a day that does not exist, before 1900); text that is no date at all
 * is given back trimmed, for the schema to say it has the wrong form. Nothing typed is dropped.
 */
export function vnDateForCheck(text: string): string {
  const value = text.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return value;
  const [, d, m, y] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

/** "1980-04-03" → "03/04/1980"; "1980" → "1980". */
export function formatVnDate(iso: string | undefined): string {
  if (!iso) return '';
  if (/^\d{4}$/.test(iso)) return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Today in Vietnam as ISO, for review dates. */
export function todayIso(now: number = Date.now()): string {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
