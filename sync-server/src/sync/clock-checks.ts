/**
 * @module What the server does not take from a device's clock (src/shared/clock-bounds.ts): a stamp too far
 * ahead of the server's clock is replaced by one of the server's time, marked `.clamped` (kept wherever the stamp
 * is kept: field writers, conflict candidates). Dates too far in the future are refused where each kind of
 * write is checked: a handout in apply/events.ts, a record's fields in apply/checked-fields.ts.
 */
import { clampStamp } from '../../../src/shared/clock-bounds';
import { decodeHlc, encodeHlc } from '../../../src/shared/hlc';

/**
 * The stamp the server keeps for a mutation received at `now`. `previous` is the stamp kept for the mutation
 * before it in the same batch: re-stamped ones all get the server's time, so their counters go on from there —
 * distinct, and in the device's order.
 */
export function trustedStamp(stamp: string, now: number, previous?: string): string {
  const { stamp: kept, clamped } = clampStamp(stamp, now);
  if (!clamped || previous === undefined) return kept;
  const mine = decodeHlc(kept);
  const before = decodeHlc(previous);
  if (!mine || !before || before.ms !== mine.ms || before.counter < mine.counter) return kept;
  return encodeHlc({ ...mine, counter: before.counter + 1 });
}
