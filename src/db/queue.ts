/**
 * @module What the device still has to send and what the server refused, read for the screens: the outbox,
 * the rejections, records set aside, the last sync and the server clock's offset. Screens never open a table.
 */
import type { AnSinhDb, OutboxEntry, Rejection, SetAsideRecord } from './database';
import { CLOCK_OFFSET_KEY, type ClockOffset } from './client-id';

/** Ids of the records with a change waiting to be sent (a "chưa gửi" badge). */
export async function pendingRecordIds(db: AnSinhDb): Promise<Set<string>> {
  return new Set((await db.outbox.toArray()).map((entry) => entry.recordId));
}

/** Cases with a "submit" waiting to be sent: submitted from this device, still a draft until the server has it. */
export async function pendingSubmits(db: AnSinhDb): Promise<Set<string>> {
  const entries = await db.outbox.toArray();
  return new Set(
    entries.filter((entry) => entry.op.kind === 'command' && entry.op.command === 'submit').map((e) => e.recordId),
  );
}

export function pendingCount(db: AnSinhDb): Promise<number> {
  return db.outbox.count();
}

/** Refused changes, all or those of one record, with what was typed and why. */
export function rejectionsOf(db: AnSinhDb, recordId?: string): Promise<Rejection[]> {
  return recordId === undefined ? db.rejections.toArray() : db.rejections.where('recordId').equals(recordId).toArray();
}

/** The user has read a refusal ("Đã xem"); what was typed goes with it. */
export async function dismissRejection(db: AnSinhDb, seq: number): Promise<void> {
  await db.rejections.delete(seq);
}

export async function lastSyncAt(db: AnSinhDb): Promise<number | undefined> {
  const value = (await db.meta.get('lastSyncAt'))?.value;
  return typeof value === 'number' ? value : undefined;
}

export async function clockOffset(db: AnSinhDb): Promise<ClockOffset | undefined> {
  return (await db.meta.get(CLOCK_OFFSET_KEY))?.value as ClockOffset | undefined;
}

/** Everything the Sync page shows (read inside the screen's live query, which re-runs it on any change). */
export async function syncPageState(db: AnSinhDb): Promise<{
  outbox: OutboxEntry[];
  rejections: Rejection[];
  setAside: SetAsideRecord[];
  lastSyncAt: number | undefined;
}> {
  return {
    outbox: await db.outbox.orderBy('seq').toArray(),
    rejections: await db.rejections.toArray(),
    setAside: await db.setAside.toArray(),
    lastSyncAt: await lastSyncAt(db),
  };
}
