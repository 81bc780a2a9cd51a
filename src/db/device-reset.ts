/**
 * @module What happens to local data when another person signs in on this device: their predecessor's records
 * must not stay readable, but unsent work must never be thrown away.
 */
import type { AnSinhDb } from './database';

export type SwitchCheck = { ok: true } | { ok: false; pending: number };

/** Another user may take over the device only when nothing of the previous user waits to be sent. */
export async function checkUserSwitch(db: AnSinhDb): Promise<SwitchCheck> {
  const pending = await db.outbox.count();
  return pending === 0 ? { ok: true } : { ok: false, pending };
}

/** Clears the previous user's records, cursors and rejections (the clientId stays: seq keeps counting up). */
export async function clearUserData(db: AnSinhDb): Promise<void> {
  await db.transaction('rw', [db.households, db.cursors, db.rejections, db.outbox, db.meta], async () => {
    if ((await db.outbox.count()) > 0) throw new Error('outbox is not empty');
    await Promise.all([db.households.clear(), db.cursors.clear(), db.rejections.clear(), db.meta.delete('lastSyncAt')]);
  });
}
