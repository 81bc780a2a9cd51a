/**
 * @module Applies one sync answer in ONE transaction: answered outbox entries leave (refused ones move to
 * rejections with their reason), pulled records land — with any still-pending local patch laid on top — and the
 * cursors move. A crash part-way leaves all of it or none.
 */
import type { SyncResponse } from '../shared/protocol';
import type { AnSinhDb } from './database';
import { withPendingPatches } from './households';

export async function applySyncResponse(db: AnSinhDb, response: SyncResponse, now: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.rejections, db.households, db.cursors, db.meta], async () => {
    const answered = await db.outbox.where('seq').belowOrEqual(response.lastSeq).toArray();
    const reasons = new Map(response.results.flatMap((r) => (r.status === 'rejected' ? [[r.seq, r.reason] as const] : [])));
    for (const entry of answered) {
      const reason = reasons.get(entry.seq);
      if (reason !== undefined) {
        await db.rejections.put({ seq: entry.seq, mutationId: entry.id, recordId: entry.recordId, op: entry.op, reason, answeredAt: now });
      }
    }
    await db.outbox.bulkDelete(answered.map((entry) => entry.seq));

    for (const change of response.changes) {
      const pending = await db.outbox.where('recordId').equals(change.record.id).sortBy('seq');
      const record = withPendingPatches(change.record, pending.map((entry) => entry.op.patch));
      await db.households.put(record);
    }
    await db.cursors.bulkPut(Object.entries(response.cursors).map(([commune, cursor]) => ({ commune, cursor })));
    if (!response.gap) await db.meta.put({ key: 'lastSyncAt', value: now });
  });
}

/** Everything a sync request needs from the device, read in one transaction so it is consistent. */
export async function readSyncState(db: AnSinhDb, communes: readonly string[], maxMutations: number) {
  return db.transaction('r', [db.outbox, db.cursors], async () => {
    const mutations = await db.outbox.orderBy('seq').limit(maxMutations).toArray();
    const cursors = await db.cursors.bulkGet([...communes]);
    return {
      mutations,
      pull: communes.map((commune, index) => ({ commune, cursor: cursors[index]?.cursor ?? 0 })),
    };
  });
}
