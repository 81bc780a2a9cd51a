/**
 * @module The device's identity for sync, and its hybrid clock. The clientId lives inside the database it
 * numbers: a wiped database gets a new clientId, so its seq 1 can never be mistaken for an old device's seq 1.
 */
import type { AnSinhDb } from './database';
import { encodeHlc, tick, type Hlc } from '../shared/hlc';

export async function getClientId(db: AnSinhDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('clientId');
    if (typeof existing?.value === 'string') return existing.value;
    const clientId = crypto.randomUUID();
    await db.meta.put({ key: 'clientId', value: clientId });
    return clientId;
  });
}

/** The next clock stamp; call inside the write transaction so stamps follow the outbox order. */
export async function nextStamp(db: AnSinhDb, now: number): Promise<string> {
  const clientId = await getClientId(db);
  const last = (await db.meta.get('hlc'))?.value as Hlc | undefined;
  const next = tick(last, now, clientId.slice(0, 8));
  await db.meta.put({ key: 'hlc', value: next });
  return encodeHlc(next);
}
