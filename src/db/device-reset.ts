/**
 * @module What happens to local data when another person signs in on this device: their predecessor's records
 * must not stay readable, but unsent work must never be thrown away.
 */
import { RECORD_TABLES, type AnSinhDb } from './database';
import { forgetClientId } from './client-id';

export type SwitchCheck = { ok: true } | { ok: false; pending: number };

/** Another user may take over the device only when nothing of the previous user waits to be sent. */
export async function checkUserSwitch(db: AnSinhDb): Promise<SwitchCheck> {
  const pending = await db.outbox.count();
  return pending === 0 ? { ok: true } : { ok: false, pending };
}

/**
 * Clears everything of the previous user — records of every kind, drafts, attachments, cursors, rejections — and
 * starts a new sync identity: the server binds a device's queue to the user who filled it.
 */
export async function clearUserData(db: AnSinhDb): Promise<void> {
  const tables = [
    ...RECORD_TABLES.map((name) => db[name]),
    db.drafts,
    db.attachments,
    db.cursors,
    db.rejections,
    db.outbox,
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    if ((await db.outbox.count()) > 0) throw new Error('outbox is not empty');
    await Promise.all([
      ...tables.filter((t) => t !== db.outbox && t !== db.meta).map((t) => t.clear()),
      db.meta.bulkDelete(['lastSyncAt', 'clientId', 'hlc']),
    ]);
  });
  forgetClientId(db);
}
