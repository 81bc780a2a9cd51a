/**
 * @module The device's identity for sync, and its hybrid clock. The clientId lives inside the database it
 * numbers: a wiped database gets a new clientId, so its seq 1 can never be mistaken for an old device's seq 1.
 */
import type { AnSinhDb } from './database';
import { encodeHlc, tick, type Hlc } from '../shared/hlc';
import { futureDateIssueAt, MAX_AHEAD_MS } from '../shared/clock-bounds';
import { encodeMessage } from '../shared/messages';

/** A database's clientId never changes once made: read it once per open database. */
const known = new WeakMap<AnSinhDb, string>();

/** After the device's data was cleared for another user: the next read makes a new identity. */
export function forgetClientId(db: AnSinhDb): void {
  known.delete(db);
}

export async function getClientId(db: AnSinhDb): Promise<string> {
  const cached = known.get(db);
  if (cached) return cached;
  const clientId = await db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('clientId');
    if (typeof existing?.value === 'string') return existing.value;
    const made = crypto.randomUUID();
    await db.meta.put({ key: 'clientId', value: made });
    return made;
  });
  known.set(db, clientId);
  return clientId;
}

export interface ClockReading {
  clientId: string;
  last: Hlc | undefined;
  offset: ClockOffset | undefined;
}

/**
 * How far the server's clock was from this device's at the last sync answer (`server − device`, ms), and the
 * device's time then. Kept in `meta` under CLOCK_OFFSET_KEY.
 */
export interface ClockOffset {
  offset: number;
  measuredAt: number;
}

export const CLOCK_OFFSET_KEY = 'clockOffset';

/** Called with each sync answer's `serverTime`. */
export async function recordServerTime(db: AnSinhDb, serverTime: number, now: number): Promise<void> {
  await db.meta.put({
    key: CLOCK_OFFSET_KEY,
    value: { offset: serverTime - now, measuredAt: now } satisfies ClockOffset,
  });
}

/**
 * The device's best guess of the server's clock at device time `now`. When the device's clock went back since
 * the offset was measured, the server's clock did not: it is at least what it was then (`measuredAt + offset`).
 * So a tablet that ran fast and was set right estimates the right time, and one whose clock fell back (a flat
 * battery resets it to 2000) keeps stamping forward from its last stamp and is told its clock is wrong.
 */
export function estimateServerNow(now: number, offset: ClockOffset | undefined): number {
  if (!offset) return now;
  return Math.max(now, offset.measuredAt) + offset.offset;
}

/** Reads the clock inside the write transaction (`meta` in its scope): another tab may have moved it. */
export async function readClock(db: AnSinhDb): Promise<ClockReading> {
  // One request for both rows (the clientId is read once per open database).
  const [clientId, [last, offset]] = await Promise.all([
    getClientId(db),
    db.meta.bulkGet([CLOCK_KEY, CLOCK_OFFSET_KEY]),
  ]);
  return { clientId, last: last?.value as Hlc | undefined, offset: offset?.value as ClockOffset | undefined };
}

/**
 * The stamp after `reading`, and the write that moves the stored clock to it (same transaction). A stored clock
 * more than MAX_AHEAD_MS ahead of both this device's clock and its estimate of the server's is not followed
 * (hlc.ts `tick`): a tablet that ran two days fast stamps the right time again as soon as its clock is right.
 */
export function stampAfter(
  db: AnSinhDb,
  reading: ClockReading,
  now: number,
): { stamp: string; saved: Promise<unknown> } {
  const { stamp, stored } = clockAfter(reading, now);
  return { stamp, saved: db.meta.put(stored) };
}

/** The meta row the clock is kept in. */
export const CLOCK_KEY = 'hlc' as const;

/** The stamp after `reading`, and the meta row that keeps the clock there: for a write made outside Dexie. */
export function clockAfter(
  reading: ClockReading,
  now: number,
): { stamp: string; stored: { key: typeof CLOCK_KEY; value: Hlc } } {
  const ceiling = Math.max(now, estimateServerNow(now, reading.offset)) + MAX_AHEAD_MS;
  const next = tick(reading.last, now, reading.clientId.slice(0, 8), ceiling);
  return { stamp: encodeHlc(next), stored: { key: CLOCK_KEY, value: next } };
}

/** The next clock stamp; call inside the write transaction so stamps follow the outbox order. */
export async function nextStamp(db: AnSinhDb, now: number): Promise<string> {
  const { stamp, saved } = stampAfter(db, await readClock(db), now);
  await saved;
  return stamp;
}

/**
 * The server's check of dates in the future (shared/clock-bounds.ts) made on the device, against its estimate of
 * the server's clock: a form says so at once instead of the server refusing the record later.
 */
export async function futureDateOnDevice(
  db: AnSinhDb,
  type: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<string | undefined> {
  return (await futureDateFieldOnDevice(db, type, fields, now))?.message;
}

/** The same, with the record's field it is about (the first of the dated path), for the form to show it there. */
export async function futureDateFieldOnDevice(
  db: AnSinhDb,
  type: string,
  fields: Record<string, unknown>,
  now: number,
): Promise<{ field: string; message: string } | undefined> {
  const offset = (await db.meta.get(CLOCK_OFFSET_KEY))?.value as ClockOffset | undefined;
  const issue = futureDateIssueAt(type, fields, estimateServerNow(now, offset));
  // Encoded like a schema's message: the form shows it through the same translation.
  return issue && { field: issue.path[0]!, message: encodeMessage(issue.message.code, issue.message.params) };
}
