/**
 * @module Applies one sync answer in ONE transaction: answered outbox entries leave (refused ones move to
 * rejections with their reason), pulled records land — with any still-pending local patch laid on top —
 * removals and resets drop local copies, communes the user lost are purged once nothing of theirs waits to be
 * sent, and the cursors move. A crash part-way leaves all of it or none.
 */
import type { Change, SyncResponse } from '../shared/protocol';
import { applyFieldValues } from '../shared/patch';
import { RECORD_TABLES, recordTable, type AnSinhDb, type LocalRecord, type OutboxEntry } from './database';

export async function applySyncResponse(db: AnSinhDb, response: SyncResponse, now: number): Promise<void> {
  const tables = [...RECORD_TABLES.map((t) => db[t]), db.outbox, db.rejections, db.cursors, db.meta];
  await db.transaction('rw', tables, async () => {
    const answered = await db.outbox.where('seq').belowOrEqual(response.lastSeq).toArray();
    const reasons = new Map(response.results.flatMap((r) => (r.status === 'rejected' ? [[r.seq, r.reason] as const] : [])));
    for (const entry of answered) {
      const reason = reasons.get(entry.seq);
      if (reason !== undefined) {
        await db.rejections.put({ seq: entry.seq, mutationId: entry.id, recordId: entry.recordId, op: entry.op, reason, answeredAt: now });
      }
    }
    await db.outbox.bulkDelete(answered.map((entry) => entry.seq));

    const pending = await db.outbox.orderBy('seq').toArray();
    const pendingIds = new Set(pending.map((entry) => entry.recordId));
    for (const commune of response.resets) await dropCommune(db, commune, pendingIds);
    for (const change of response.changes) await applyChange(db, change, pending);

    const scope = new Set(response.user.communes.map((c) => c.code));
    const lost = [...new Set([...response.refused, ...(await db.cursors.toArray()).map((c) => c.commune)])].filter((c) => !scope.has(c));
    // Pending changes for a lost commune are answered (refused) by the server first; only then is its data purged.
    if (pending.length === 0) {
      for (const commune of lost) await dropCommune(db, commune, pendingIds);
      await db.cursors.bulkDelete(lost);
    }
    await db.cursors.bulkPut(Object.entries(response.cursors).map(([commune, cursor]) => ({ commune, cursor, epoch: response.epochs[commune] ?? 0 })));
    if (!response.gap) await db.meta.put({ key: 'lastSyncAt', value: now });
  });
}

async function applyChange(db: AnSinhDb, change: Change, pending: readonly OutboxEntry[]): Promise<void> {
  const table = recordTable(db, change.type);
  if (change.removed || !change.data) {
    await table.delete(change.id);
    return;
  }
  let data: Record<string, unknown> = change.data;
  for (const entry of pending) {
    if (entry.op.kind === 'patch' && entry.op.id === change.id) data = applyFieldValues(data, entry.op.fields);
  }
  const record: LocalRecord = { ...data, id: change.id, version: change.version, communeCode: String(data.communeCode ?? change.commune) };
  if (change.deleted) record.deleted = true;
  await table.put(record);
}

/** Drops a commune's local copy, keeping records that still have changes waiting to be sent. */
async function dropCommune(db: AnSinhDb, commune: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of RECORD_TABLES) {
    const ids = (await db[name].where('communeCode').equals(commune).primaryKeys()).filter((id) => !keep.has(id));
    await db[name].bulkDelete(ids);
  }
  await db.cursors.delete(commune);
}

/** Everything a sync request needs from the device, read in one transaction so it is consistent. */
export async function readSyncState(db: AnSinhDb, communes: readonly string[], maxMutations: number) {
  return db.transaction('r', [db.outbox, db.cursors], async () => {
    const mutations = await db.outbox.orderBy('seq').limit(maxMutations).toArray();
    const cursors = await db.cursors.bulkGet([...communes]);
    return {
      mutations,
      pull: communes.map((commune, index) => ({ commune, cursor: cursors[index]?.cursor ?? 0, epoch: cursors[index]?.epoch ?? 0 })),
    };
  });
}
