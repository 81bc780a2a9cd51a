/**
 * @module The device's identity for sync. It lives inside the database it numbers: a wiped database gets a new
 * clientId, so its seq 1 can never be mistaken for an old device's seq 1.
 */
import type { AnSinhDb } from './database';

export async function getClientId(db: AnSinhDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('clientId');
    if (typeof existing?.value === 'string') return existing.value;
    const clientId = crypto.randomUUID();
    await db.meta.put({ key: 'clientId', value: clientId });
    return clientId;
  });
}
