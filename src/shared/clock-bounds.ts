/**
 * @module How far a device's clock is trusted (issue 9, item 13). Device clocks drift by minutes; a tablet whose
 * clock is hours or days ahead is wrong, and what it stamps or dates from that clock must not pass as a fact:
 * - a change's HLC stamp more than MAX_AHEAD_MS ahead of the server's clock is re-stamped with the server's
 *   time (and marked, see `clampStamp`); a device's own persisted clock that far ahead is clamped too;
 * - a date that says something already happened (a handout, an emergency, an assessment, a round, a survey)
 *   more than MAX_AHEAD_MS in the future is refused with a reason naming the field;
 * - a device whose clock is off the server's by more than CLOCK_WARN_MS (either way) tells its user to fix it.
 * Used by the server (against its own clock) and the device (against its estimate of the server's clock).
 */
import { decodeHlc, encodeHlc } from './hlc';
import { message, type FieldLabel, type Message } from './messages';
import type { RecordKind } from './records/kind';
import { RECORD_KINDS } from './records/kinds';

/** How far ahead of the server's clock a stamp or a date may be. */
export const MAX_AHEAD_MS = 60 * 60_000;
/** How far off the server's clock a device's may be before the user is told to set it right. */
export const CLOCK_WARN_MS = 10 * 60_000;

/** Marks a stamp the server made in place of one too far ahead: the device's node stays, for the record. */
export const CLAMPED_MARK = '.clamped';

/** The stamp to keep: the device's own, unless it is more than the bound ahead of `serverNow`. */
export function clampStamp(stamp: string, serverNow: number): { stamp: string; clamped: boolean } {
  const hlc = decodeHlc(stamp);
  if (!hlc || hlc.ms <= serverNow + MAX_AHEAD_MS) return { stamp, clamped: false };
  return {
    stamp: encodeHlc({ ms: serverNow, counter: hlc.counter, node: `${hlc.node}${CLAMPED_MARK}` }),
    clamped: true,
  };
}

/** Each kind's dates that say something already happened, as its declaration names them (records/kinds.ts). */
const datedOf = (type: string) =>
  Object.hasOwn(RECORD_KINDS, type) ? (RECORD_KINDS[type as keyof typeof RECORD_KINDS] as RecordKind).dated : undefined;

/** Epoch ms of the start of a Vietnamese calendar day (Vietnam keeps UTC+7 all year); a year alone is its 1 January. */
function startOfVnDay(iso: string): number {
  return Date.parse(`${/^\d{4}$/.test(iso) ? `${iso}-01-01` : iso}T00:00:00+07:00`);
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function dayMonthYear(ms: number): string {
  const vn = new Date(ms + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
}

/** Why a day typed outside a record (a payroll's signing day) cannot be accepted at `now`: it is in the future. */
export function futureDayIssue(label: FieldLabel, day: string, now: number): Message | undefined {
  const moment = startOfVnDay(day);
  return moment > now + MAX_AHEAD_MS ? message('clock.futureDate', { label, date: dayMonthYear(moment) }) : undefined;
}

/**
 * Why `fields` of a record of `type` cannot be accepted at `now` (the server's clock, or the device's estimate of
 * it): a date in the future beyond the bound, a message naming the field. Undefined when they can.
 * Only the fields given are looked at: a patch that leaves a date alone is not refused for it.
 */
export function futureDateIssue(type: string, fields: Record<string, unknown>, now: number): Message | undefined {
  return futureDateIssueAt(type, fields, now)?.message;
}

/** The same, with the path of the field that is in the future (a form shows the message next to it). */
export function futureDateIssueAt(
  type: string,
  fields: Record<string, unknown>,
  now: number,
): { path: readonly string[]; message: Message } | undefined {
  for (const dated of datedOf(type) ?? []) {
    const value = at(fields, dated.path);
    const moment =
      dated.form === 'ms'
        ? typeof value === 'number'
          ? value
          : Number.NaN
        : typeof value === 'string'
          ? startOfVnDay(value)
          : Number.NaN;
    if (Number.isNaN(moment) || moment <= now + MAX_AHEAD_MS) continue;
    const date = dayMonthYear(moment);
    const said = dated.typed
      ? message('date.typedInFuture', {
          label: dated.label,
          date: dated.form === 'day' && /^\d{4}$/.test(String(value)) ? String(value) : date,
        })
      : message('clock.futureDate', { label: dated.label, date });
    return { path: dated.path, message: said };
  }
  return undefined;
}
