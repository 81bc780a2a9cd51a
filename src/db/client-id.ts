/**
 * @module The device's identity for sync, and its hybrid clock. The clientId lives inside the database it
 * numbers: a wiped database gets a new clientId, so its seq 1 can never be mistaken for an old device's seq 1.
 */
import type { AnSinhDb } from './database';
import { encodeHlc, tick, type Hlc } from '../shared/hlc';

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
}

/** Reads the clock inside the write transaction (`meta` in its scope): another tab may have moved it. */
export async function readClock(db: AnSinhDb): Promise<ClockReading> {
  const [clientId, last] = await Promise.all([getClientId(db), db.meta.get('hlc')]);
  return { clientId, last: last?.value as Hlc | undefined };
}

/** The stamp after `reading`, and the write that moves the stored clock to it (same transaction). */
export function stampAfter(db: AnSinhDb, reading: ClockReading, now: number): { stamp: string; saved: Promise<unknown> } {
  const next = tick(reading.last, now, reading.clientId.slice(0, 8));
  return { stamp: encodeHlc(next), saved: db.meta.put({ key: 'hlc', value: next }) };
}

/** The next clock stamp; call inside the write transaction so stamps follow the outbox order. */
export async function nextStamp(db: AnSinhDb, now: number): Promise<string> {
  const { stamp, saved } = stampAfter(db, await readClock(db), now);
  await saved;
  return stamp;
}
