/**
 * @module The public posting window of an allowance application (Decree 20/2021 Art. 8(1)(b)), the server's: from
 * the day posted, in Việt Nam's time, by the server's clock; until the last of its working days, and the last day
 * a complaint made during it is settled — both counted on the national working-day calendar by the dated deadline
 * rules (src/domain/packs/national/deadlines.ts), the day posted not counted (Civil Code 2015 Art. 147(3)).
 */
import { CalendarNotCoveredError } from '../../../../src/domain/calendar';
import { deadlineRule, dueDate } from '../../../../src/domain/packs/national/deadlines';
import { message, type Message } from '../../../../src/shared/messages';

export interface PostingWindow {
  from: string;
  until: string;
  complaintsUntil: string;
  ruleId: string;
}

/** Việt Nam keeps UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3600 * 1000;
export const vietnamDay = (now: number): string => new Date(now + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Posted at `now`: the window, or why it cannot be counted (a year the calendar has no holidays for). A complaint
 * may come on the last day of the posting, so its 10 working days count from `until`.
 */
export function postingWindow(now: number): { ok: true; posting: PostingWindow } | { ok: false; reason: Message } {
  const from = vietnamDay(now);
  try {
    const until = dueDate('public-posting', from);
    const complaintsUntil = dueDate('complaint-settlement', until);
    return { ok: true, posting: { from, until, complaintsUntil, ruleId: deadlineRule('public-posting', from).id } };
  } catch (error) {
    if (error instanceof CalendarNotCoveredError)
      return { ok: false, reason: message('reject.postingNoCalendar', { year: error.date.slice(0, 4) }) };
    throw error;
  }
}
